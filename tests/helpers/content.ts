import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "@/db/client";
import { articles, auditEvents, exercises, exerciseVersions } from "@/db/schema";
import type { PromptDefinition } from "@/lib/content/prompts";

/** Shared by the content library tests (articles, exercises, library). */

export async function expectCode(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

/** Every row of the content tables and the audit log: "nothing changed" compares two of these. */
export async function contentState(db: Database) {
  const [a, e, v, audit] = await Promise.all([
    db.select().from(articles).orderBy(articles.id),
    db.select().from(exercises).orderBy(exercises.id),
    db.select().from(exerciseVersions).orderBy(exerciseVersions.id),
    db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id),
  ]);
  return { articles: a, exercises: e, versions: v, audit: audit.length };
}

export async function articleRow(db: Database, id: string) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return row;
}

export async function exerciseRow(db: Database, id: string) {
  const [row] = await db.select().from(exercises).where(eq(exercises.id, id));
  return row;
}

export const sampleBody = [
  "A short opening paragraph before any heading.",
  "",
  "# Noticing the pattern",
  "",
  "Some text about noticing. What do you notice first when you feel unsettled?",
  "",
  "## In the body",
  "",
  "- A tight chest",
  "- A quick breath",
  "",
  "# Small steps",
  "",
  "Which small step feels possible this week?",
].join("\n");

export const articleInput = (overrides: Partial<Record<string, unknown>> = {}) => ({
  title: "Finding steady ground",
  series: null as string | null,
  part: null as number | null,
  summary: "A first look at what helps us feel steady.",
  body: sampleBody,
  tags: ["steadiness"],
  ...overrides,
});

export const longText = (label: string, id = "q1", extra: Partial<PromptDefinition> = {}): PromptDefinition =>
  ({ id, kind: "long_text", label, help: "", required: false, sectionAnchor: null, ...extra }) as PromptDefinition;

export const scale = (id = "s1", extra: Record<string, unknown> = {}): PromptDefinition =>
  ({
    id,
    kind: "scale",
    label: "How settled do you feel right now?",
    help: "",
    required: true,
    sectionAnchor: null,
    min: 1,
    max: 5,
    minLabel: "Not at all",
    maxLabel: "Completely",
    ...extra,
  }) as PromptDefinition;

/** Follows nextCursor to the end and returns every item. (The cursor is opaque here, hence `never`.) */
export async function allPages<T>(fetch: (cursor: never) => Promise<{ items: T[]; nextCursor: unknown }>): Promise<T[]> {
  const seen: T[] = [];
  let cursor: unknown = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await fetch(cursor as never);
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("pagination did not end");
}
