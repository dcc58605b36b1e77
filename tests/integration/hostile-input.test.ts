import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { deliverDueEmails } from "@/server/services/mail/deliver";
import { TEXT_MESSAGES } from "@/server/validation/text";
import { ZodError } from "zod";
import { submittedAndShared } from "../helpers/loop";
import { memoryTransport, tokenFromEmail } from "../helpers/mail";
import { tableFingerprint } from "../helpers/outcomes";
import { useLoopWorld } from "../helpers/use-world";

/**
 * Characters Postgres can't store (NUL), half characters (a lone UTF-16 surrogate) and dates out of
 * any sane range, sent to the real procedures: each is a BAD_REQUEST that says what is wrong, and
 * no table changes. Before the shared input layer, NUL and far-off dates were server errors and a
 * lone surrogate was stored as "�".
 */
const { db, world, callers, exercise } = await useLoopWorld();

const NUL = "before\u0000after";
const LONE = "\ud800x";
const FAR_FUTURE = new Date(8_640_000_000_000_000);
const FAR_PAST = new Date(-8_640_000_000_000_000);
const OUT_OF_RANGE = /between the years 2000 and 2200/;

const fixtures = {
  assignmentId: "",
  noteId: "",
  articleId: "",
  exerciseId: "",
  answerId: "",
  token: "",
};

const article = { title: "Steady ground", series: null, part: null, summary: "", body: "# One\n\nWords.", tags: [] };
const prompt = { id: "p1", kind: "single_choice" as const, label: "Which felt true?", help: "", options: ["This", "That"] };
const scalePrompt = { id: "s1", kind: "scale" as const, label: "How calm?", min: 0, max: 10, minLabel: "Not", maxLabel: "Very" };
const exerciseInput = () => ({ articleId: fixtures.articleId, title: "Noticing", instructions: "", prompts: [prompt, scalePrompt] });
const save = (value: unknown, promptId = "reflection") =>
  callers.client.answers.save({
    assignmentId: fixtures.assignmentId,
    promptId,
    value: value as never,
    baseVersion: 0,
    saveId: crypto.randomUUID(),
  });
const withPrompt = (change: Record<string, unknown>) => ({ ...exerciseInput(), prompts: [{ ...prompt, ...change }, scalePrompt] });
const withScale = (change: Record<string, unknown>) => ({ ...exerciseInput(), prompts: [prompt, { ...scalePrompt, ...change }] });
const timeCursor = (at: Date) => ({ at, id: crypto.randomUUID() });
const nameCursor = (name: string) => ({ name, id: crypto.randomUUID() });

type Case = [name: string, call: () => Promise<unknown>, message: string | RegExp];

const cases: Case[] = [
  // Notes
  ["a NUL in a new note", () => callers.coach.notes.create({ clientId: world.ids.client, body: NUL }), TEXT_MESSAGES.nul],
  ["a lone surrogate in a new note", () => callers.coach.notes.create({ clientId: world.ids.client, body: LONE }), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in an edited note", () => callers.coach.notes.update({ id: fixtures.noteId, body: NUL }), TEXT_MESSAGES.nul],
  // Answers (JSON values, nested strings included)
  ["a NUL in answer text", () => save({ kind: "text", text: NUL }), TEXT_MESSAGES.nul],
  ["a lone surrogate in answer text", () => save({ kind: "text", text: LONE }), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in a chosen option", () => save({ kind: "choice", selected: [NUL] }, "moment"), TEXT_MESSAGES.nul],
  ["a lone surrogate in a chosen option", () => save({ kind: "choice", selected: [LONE] }, "helped"), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in an answer's prompt id", () => save({ kind: "text", text: "fine" }, NUL), TEXT_MESSAGES.nul],
  [
    "a NUL in a shared prompt id",
    () => callers.client.answers.setSharing({ assignmentId: fixtures.assignmentId, coachId: world.ids.coach, shares: [{ promptId: NUL, shared: true }] }),
    TEXT_MESSAGES.nul,
  ],
  // Articles
  ["a NUL in an article title", () => callers.admin.articles.create({ ...article, title: NUL }), TEXT_MESSAGES.nul],
  ["a lone surrogate in an article title", () => callers.admin.articles.create({ ...article, title: LONE }), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in an article body", () => callers.admin.articles.create({ ...article, body: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in an article summary", () => callers.admin.articles.create({ ...article, summary: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in an article series", () => callers.admin.articles.create({ ...article, series: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in an article tag", () => callers.admin.articles.create({ ...article, tags: [NUL] }), TEXT_MESSAGES.nul],
  ["a NUL in an edited article body", () => callers.admin.articles.update({ id: fixtures.articleId, revision: 1, ...article, body: NUL }), TEXT_MESSAGES.nul],
  [
    "a lone surrogate in an edited article title",
    () => callers.admin.articles.update({ id: fixtures.articleId, revision: 1, ...article, title: LONE }),
    TEXT_MESSAGES.brokenCharacter,
  ],
  ["a NUL in an imported article", () => callers.admin.articles.saveImport({ article: { ...article, body: NUL }, exercise: null }), TEXT_MESSAGES.nul],
  [
    "a NUL in an imported question",
    () => callers.admin.articles.saveImport({ article, exercise: { title: "From the import", questions: [NUL] } }),
    TEXT_MESSAGES.nul,
  ],
  ["a NUL in pasted import text", () => callers.admin.articles.importPreview({ text: NUL }), TEXT_MESSAGES.nul],
  // Exercises and prompt definitions
  ["a NUL in an exercise title", () => callers.admin.exercises.create({ ...exerciseInput(), title: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in exercise instructions", () => callers.admin.exercises.create({ ...exerciseInput(), instructions: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in a prompt label", () => callers.admin.exercises.create(withPrompt({ label: NUL })), TEXT_MESSAGES.nul],
  ["a lone surrogate in a prompt label", () => callers.admin.exercises.create(withPrompt({ label: LONE })), TEXT_MESSAGES.brokenCharacter],
  ["a lone surrogate in prompt help", () => callers.admin.exercises.create(withPrompt({ help: LONE })), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in an option", () => callers.admin.exercises.create(withPrompt({ options: ["This", NUL] })), TEXT_MESSAGES.nul],
  ["a lone surrogate in an option", () => callers.admin.exercises.create(withPrompt({ options: [LONE, "That"] })), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in a section anchor", () => callers.admin.exercises.create(withPrompt({ sectionAnchor: NUL })), TEXT_MESSAGES.nul],
  ["a lone surrogate in a scale label", () => callers.admin.exercises.create(withScale({ maxLabel: LONE })), TEXT_MESSAGES.brokenCharacter],
  [
    "a lone surrogate in an edited prompt label",
    () => callers.admin.exercises.updateDraft({ id: fixtures.exerciseId, revision: 1, ...withPrompt({ label: LONE }) }),
    TEXT_MESSAGES.brokenCharacter,
  ],
  [
    "a NUL in an edited exercise title",
    () => callers.admin.exercises.updateDraft({ id: fixtures.exerciseId, revision: 1, ...exerciseInput(), title: NUL }),
    TEXT_MESSAGES.nul,
  ],
  // List filters
  ["a NUL in the article search", () => callers.admin.articles.list({ q: NUL }), TEXT_MESSAGES.nul],
  ["a lone surrogate in the article search", () => callers.admin.articles.list({ q: LONE }), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in the article series filter", () => callers.admin.articles.list({ series: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in the article tag filter", () => callers.admin.articles.list({ tag: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in the exercise search", () => callers.admin.exercises.list({ q: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in the library search", () => callers.coach.library.articles({ q: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in the library series filter", () => callers.coach.library.articles({ series: NUL }), TEXT_MESSAGES.nul],
  ["a lone surrogate in the library series filter", () => callers.coach.library.exercises({ series: LONE }), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in the library tag filter", () => callers.coach.library.articles({ tag: NUL }), TEXT_MESSAGES.nul],
  ["a NUL in the library exercise search", () => callers.coach.library.exercises({ q: NUL }), TEXT_MESSAGES.nul],
  // Invitations
  ["a NUL in an invitee's name", () => callers.coach.invitations.create({ email: "nul@example.test", role: "client", name: NUL }), TEXT_MESSAGES.nul],
  [
    "a lone surrogate in an invitee's name",
    () => callers.coach.invitations.create({ email: "half@example.test", role: "client", name: LONE }),
    TEXT_MESSAGES.brokenCharacter,
  ],
  ["a NUL in an invitee's email", () => callers.coach.invitations.create({ email: `a${NUL}@example.test`, role: "client" }), TEXT_MESSAGES.nul],
  ["a NUL in the accepting person's name", () => callers.anonymous.invitations.accept({ token: fixtures.token, name: NUL, password: "a calm river at dusk" }), TEXT_MESSAGES.nul],
  [
    "a lone surrogate in the accepting person's name",
    () => callers.anonymous.invitations.accept({ token: fixtures.token, name: LONE, password: "a calm river at dusk" }),
    TEXT_MESSAGES.brokenCharacter,
  ],
  [
    "a lone surrogate in the accepting person's password",
    () => callers.anonymous.invitations.accept({ token: fixtures.token, name: "Sam", password: `a calm river ${LONE}` }),
    TEXT_MESSAGES.brokenCharacter,
  ],
  // Feedback
  ["a NUL in a comment", () => callers.coach.feedback.comment({ answerId: fixtures.answerId, body: NUL }), TEXT_MESSAGES.nul],
  ["a lone surrogate in a comment", () => callers.coach.feedback.comment({ answerId: fixtures.answerId, body: LONE }), TEXT_MESSAGES.brokenCharacter],
  // Assignments: note and due date
  [
    "a NUL in an assignment's note",
    () => callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client], note: NUL }),
    TEXT_MESSAGES.nul,
  ],
  [
    "a due date at the end of JavaScript's dates",
    () => callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client], dueAt: FAR_FUTURE }),
    OUT_OF_RANGE,
  ],
  [
    "a due date at the start of JavaScript's dates",
    () => callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client], dueAt: FAR_PAST }),
    OUT_OF_RANGE,
  ],
  [
    "a due date just past the year 2200",
    () => callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client], dueAt: new Date("2200-01-01T00:00:00.001Z") }),
    OUT_OF_RANGE,
  ],
  // Page cursors
  ["a NUL in a roster cursor's name", () => callers.coach.clients.list({ cursor: nameCursor(NUL) }), TEXT_MESSAGES.nul],
  ["a lone surrogate in a roster cursor's name", () => callers.coach.clients.overview({ cursor: nameCursor(LONE) }), TEXT_MESSAGES.brokenCharacter],
  ["a NUL in a member list cursor's name", () => callers.admin.users.list({ cursor: nameCursor(NUL) }), TEXT_MESSAGES.nul],
  ["a far-off time in a notes cursor", () => callers.coach.notes.list({ clientId: world.ids.client, cursor: timeCursor(FAR_FUTURE) }), OUT_OF_RANGE],
  ["a far-off time in an inbox cursor", () => callers.coach.inbox.list({ cursor: timeCursor(FAR_PAST) }), OUT_OF_RANGE],
  ["a far-off time in an invitations cursor", () => callers.coach.invitations.list({ cursor: timeCursor(FAR_FUTURE) }), OUT_OF_RANGE],
  ["a far-off time in an assignments cursor", () => callers.coach.assignments.listForCoach({ cursor: timeCursor(FAR_FUTURE) }), OUT_OF_RANGE],
  ["a far-off time in an article list cursor", () => callers.admin.articles.list({ cursor: timeCursor(FAR_PAST) }), OUT_OF_RANGE],
];

/** Every table of the schema, so "nothing changed" means nothing anywhere. */
let tables: string[] = [];

beforeAll(async () => {
  const listed = await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  tables = ((listed as { rows?: Array<{ tablename: string }> }).rows ?? (listed as unknown as Array<{ tablename: string }>)).map((r) => r.tablename);

  const shared = await submittedAndShared(callers.coach, callers.client, { exerciseId: exercise.exerciseId, clientId: world.ids.client, share: ["reflection"] });
  fixtures.answerId = shared.saved.reflection.answerId;
  const { assignmentIds } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client] });
  fixtures.assignmentId = assignmentIds[0]!;
  fixtures.noteId = (await callers.coach.notes.create({ clientId: world.ids.client, body: "Spoke about sleep." })).id;
  fixtures.articleId = (await callers.admin.articles.create(article)).id;
  fixtures.exerciseId = (await callers.admin.exercises.create(exerciseInput())).id;
  await callers.coach.invitations.create({ email: "newcomer@example.test", role: "client" });
  const transport = memoryTransport();
  await deliverDueEmails(db, { transport });
  fixtures.token = tokenFromEmail(transport.sent.find((email) => email.to === "newcomer@example.test")!.text);
});

describe("hostile input through the real procedures", () => {
  it.each(cases)("%s is a BAD_REQUEST that says why, and changes nothing", async (_name, call, message) => {
    const before = await tableFingerprint(db, tables);
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    const messages = (cause as ZodError).issues.map((issue) => issue.message);
    expect(messages.some((m) => (typeof message === "string" ? m === message : message.test(m)))).toBe(true);
    expect(await tableFingerprint(db, tables)).toBe(before);
  });

  it("the fixtures themselves were accepted (so a refusal above is the hostile value's doing)", async () => {
    expect(Object.values(fixtures).every(Boolean)).toBe(true);
    expect(await callers.anonymous.invitations.preview({ token: fixtures.token })).toMatchObject({ role: "client" });
  });
});
