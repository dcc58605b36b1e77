import "server-only";
import { and, eq, gte, inArray, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { auditEvents, users, type AuditAction } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { newestFirst, type Page, type TimeCursor, toPage } from "../pagination";

/** What an audit entry is about, as the filter offers it. */
export const auditSubjectKinds = ["answer", "assignment", "article", "exercise", "invitation", "session", "user"] as const;
export type AuditSubjectKind = (typeof auditSubjectKinds)[number];

export type AuditFilter = {
  /** Events this person did or that concern them. */
  personId?: string;
  action?: AuditAction;
  subjectKind?: AuditSubjectKind;
  /** From this moment on (inclusive). */
  from?: Date;
  /** Before this moment (exclusive). */
  until?: Date;
};

export type AuditListItem = {
  id: string;
  createdAt: Date;
  action: AuditAction;
  actor: { id: string; name: string } | null;
  subject: { id: string; name: string } | null;
  entityType: string | null;
  entityId: string | null;
  /** A few plain words from the event's metadata (roles, reasons, coaches' names); never text anyone wrote. */
  detail: string | null;
};

const actorUser = alias(users, "actor_user");
const subjectUser = alias(users, "subject_user");

/** Metadata keys that hold a person of the practice. */
const personKeys = ["fromCoachId", "toCoachId"] as const;

/** Only these metadata facts are shown, and only as the short codes the server itself wrote. */
function detailOf(metadata: Record<string, unknown>, names: Map<string, string>): string | null {
  const parts: string[] = [];
  const code = (key: string) => (typeof metadata[key] === "string" && /^[a-z_]{1,40}$/.test(metadata[key]) ? metadata[key] : null);
  const from = code("from");
  const to = code("to");
  if (from && to) parts.push(`${from} → ${to}`);
  const fromCoach = typeof metadata.fromCoachId === "string" ? names.get(metadata.fromCoachId) : undefined;
  const toCoach = typeof metadata.toCoachId === "string" ? names.get(metadata.toCoachId) : undefined;
  if (fromCoach && toCoach) parts.push(`from ${fromCoach} to ${toCoach}`);
  const reason = code("reason");
  if (reason) parts.push(`reason: ${reason.replace(/_/g, " ")}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

export function auditConditions(actor: Actor, filter: AuditFilter) {
  return and(
    eq(auditEvents.practiceId, actor.practiceId),
    filter.personId ? or(eq(auditEvents.actorId, filter.personId), eq(auditEvents.subjectUserId, filter.personId)) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.subjectKind ? eq(auditEvents.entityType, filter.subjectKind) : undefined,
    filter.from ? gte(auditEvents.createdAt, filter.from) : undefined,
    filter.until ? lt(auditEvents.createdAt, filter.until) : undefined,
  );
}

/**
 * The practice's audit log, newest first, for its admins. Entries hold ids, codes and names, never
 * reflection or comment text (the events themselves hold none). Another practice's events are
 * simply not there.
 */
export async function listAuditEvents(
  db: Queryable,
  actor: Actor,
  input: AuditFilter & { cursor?: TimeCursor | null; limit: number },
): Promise<Page<AuditListItem>> {
  authorize(policy.readsAuditLog(actor));
  const order = newestFirst(auditEvents.createdAt, auditEvents.id);
  const rows = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: actorUser.name,
      subjectId: auditEvents.subjectUserId,
      subjectName: subjectUser.name,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      metadata: auditEvents.metadata,
    })
    .from(auditEvents)
    // Pinned to the actor's practice by value (as the inbox is): a column equality made the planner hash-join users.
    .leftJoin(actorUser, and(eq(actorUser.practiceId, actor.practiceId), eq(actorUser.id, auditEvents.actorId)))
    .leftJoin(subjectUser, and(eq(subjectUser.practiceId, actor.practiceId), eq(subjectUser.id, auditEvents.subjectUserId)))
    .where(and(auditConditions(actor, input), order.after(input.cursor)))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));

  const mentioned = [
    ...new Set(page.items.flatMap((row) => personKeys.map((key) => row.metadata[key]).filter((v): v is string => typeof v === "string"))),
  ];
  const names = new Map<string, string>();
  if (mentioned.length > 0) {
    const people = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.practiceId, actor.practiceId), inArray(users.id, mentioned)));
    for (const person of people) names.set(person.id, person.name);
  }

  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      actor: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
      subject: row.subjectId && row.subjectName !== null ? { id: row.subjectId, name: row.subjectName } : null,
      entityType: row.entityType,
      entityId: row.entityId,
      detail: detailOf(row.metadata, names),
    })),
  };
}
