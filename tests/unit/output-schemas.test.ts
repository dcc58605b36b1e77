import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { assignmentOutputs } from "@/server/routers/outputs/assignments";
import { clientOutputs } from "@/server/routers/outputs/clients";
import { feedbackOutputs } from "@/server/routers/outputs/feedback";
import { inboxOutputs } from "@/server/routers/outputs/inbox";
import { clientDataOutputs } from "@/server/routers/outputs/client-data";
import { invitationOutputs } from "@/server/routers/outputs/invitations";
import { noteOutputs } from "@/server/routers/outputs/notes";
import { practiceOutputs } from "@/server/routers/outputs/practice";
import { trendsOutputs } from "@/server/routers/outputs/trends";
import { userOutputs } from "@/server/routers/outputs/users";

const id = "7f3d6a52-1c1e-4b8e-9a51-0b2f3c4d5e6f";
const at = new Date("2026-11-20T10:00:00Z");
const cursor = { at, id };
const nameCursor = { name: "Cleo", id };

const version = {
  version: 1,
  title: "Noticing the week",
  instructions: "Take your time.",
  prompts: [
    { id: "reflection", kind: "long_text", label: "What did you notice?", help: "", required: true, sectionAnchor: null },
    { id: "calm", kind: "scale", label: "How calm?", help: "", required: false, sectionAnchor: null, min: 0, max: 10, minLabel: "", maxLabel: "" },
  ],
  article: { articleId: id, title: "About", series: null, part: null, summary: "", body: "# About" },
};
const comment = { id, answerId: id, authorName: "Casey Coach", authorRole: "coach", body: "Thank you.", createdAt: at, earlier: false };
const assignment = {
  id,
  exerciseId: id,
  status: "submitted",
  dueAt: null,
  note: "",
  createdAt: at,
  submittedAt: at,
  reviewedAt: null,
  cancelledAt: null,
  overdue: false,
};
const series = {
  exerciseId: id,
  exerciseTitle: "Noticing the week",
  promptId: "calm",
  promptLabel: "How calm?",
  min: 0,
  max: 10,
  minLabel: "",
  maxLabel: "",
  points: [{ answerId: id, assignmentId: id, at, value: 6 }],
};
const member = { id, name: "Cleo Client", email: "cleo@example.com", role: "client", disabled: false, createdAt: at };
const person = { id, name: "Cleo Client", email: "cleo@example.com", disabled: false };

/** A real-looking response for every output schema. */
const samples: Array<[string, z.ZodType, unknown]> = [
  ["assignments.create", assignmentOutputs.create, { assignmentIds: [id] }],
  ["assignments.cancel", assignmentOutputs.cancel, { id, status: "cancelled" }],
  ["assignments.markReviewed", assignmentOutputs.markReviewed, { id, status: "reviewed" }],
  [
    "assignments.listForCoach",
    assignmentOutputs.listForCoach,
    {
      items: [{ ...assignment, clientId: id, clientName: "Cleo Client", title: "Noticing", sharedCount: 1, lastSharedAt: at, promptCount: 2 }],
      nextCursor: cursor,
    },
  ],
  [
    "assignments.get (coach)",
    assignmentOutputs.get,
    {
      role: "coach",
      assignment,
      version,
      client: { id, name: "Cleo Client" },
      sharedAnswers: [{ answerId: id, promptId: "calm", value: { kind: "scale", value: 6 }, sharedAt: at }],
      comments: [comment],
      sharedCount: 1,
    },
  ],
  [
    "assignments.get (client)",
    assignmentOutputs.get,
    {
      role: "client",
      assignment: { ...assignment, startedAt: at, coachId: id, coachName: "Casey Coach" },
      version,
      answers: [{ promptId: "reflection", answerId: id, value: { kind: "text", text: "Mine" }, version: 2, shared: false, sharedAt: null, updatedAt: at }],
      article: { html: "<h2 id=\"calm\">Calm</h2>", sections: [{ anchor: "calm", title: "Calm", level: 2, passageHtml: "<p>Breathe.</p>" }] },
      comments: [comment],
      seenBy: [{ answerId: id, viewerId: id, viewerName: "Casey Coach", firstSeenAt: at, lastSeenAt: at, times: 1 }],
    },
  ],
  ["assignments.recordView", assignmentOutputs.recordView, { viewed: 2, recorded: 1 }],
  ["clientData.recordExport", clientDataOutputs.recordExport, { recorded: true }],
  ["clientData.deleteMine", clientDataOutputs.deleted, { deleted: true }],
  ["clientData.deleteClient", clientDataOutputs.deleted, { deleted: true }],
  ["clients.list", clientOutputs.list, { items: [{ ...person, former: false, linkedAt: at }], nextCursor: nameCursor }],
  ["clients.get", clientOutputs.get, { ...person, former: true, linkedAt: at }],
  ["clients.overview", clientOutputs.overview, { items: [{ ...person, open: 1, overdue: 0, awaitingReview: 1, unreadShared: 2 }], nextCursor: null }],
  ["clients.overviewTotals", clientOutputs.overviewTotals, { awaitingReview: 1, unreadShared: 2 }],
  [
    "inbox.list",
    inboxOutputs.list,
    {
      items: [
        { answerId: id, assignmentId: id, clientId: id, clientName: "Cleo", exerciseTitle: "Noticing", promptId: "calm", promptLabel: "How calm?", firstLine: "7", sharedAt: at, unread: true },
      ],
      nextCursor: cursor,
    },
  ],
  ["inbox.unreadCount", inboxOutputs.unreadCount, { count: 3 }],
  ["trends.forClient", trendsOutputs.forClient, [series]],
  ["trends.recordView", trendsOutputs.recordView, { viewed: 1, recorded: 0 }],
  ["trends.mine", trendsOutputs.mine, [series]],
  ["feedback.comment", feedbackOutputs.comment, { id, createdAt: at }],
  ["notes.list", noteOutputs.list, { items: [{ id, body: "Private to me", createdAt: at, updatedAt: at }], nextCursor: null }],
  ["notes.create", noteOutputs.create, { id }],
  ["notes.update", noteOutputs.update, { id }],
  ["notes.delete", noteOutputs.delete, { id }],
  ["users.list", userOutputs.list, { items: [member], nextCursor: nameCursor }],
  ["users.setDisabled", userOutputs.setDisabled, member],
  ["users.changeRole", userOutputs.changeRole, { ...member, role: "coach" }],
  ["secondFactor.listEnabled", userOutputs.withSecondFactor, [{ id, name: "Sam", email: "sam@example.com", role: "coach", enabledAt: at }]],
  ["secondFactor.reset", userOutputs.secondFactorReset, { endedSessions: 2 }],
  [
    "invitations.list",
    invitationOutputs.list,
    { items: [{ id, email: "new@example.com", role: "client", status: "pending", createdAt: at, expiresAt: at }], nextCursor: null },
  ],
  ["invitations.create", invitationOutputs.create, { id, email: "new@example.com", role: "client", expiresAt: at }],
  ["invitations.revoke", invitationOutputs.revoke, { id }],
  ["practice.overview", practiceOutputs.overview, { practiceName: "A", admins: 1, coaches: 2, clients: 3, articles: 4, exercises: 5 }],
];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Every copy of `value` with one extra key added to one of its objects, at every depth. */
function withOneExtraKey(value: unknown, path = "$"): Array<[string, unknown]> {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      withOneExtraKey(item, `${path}[${index}]`).map(([where, changed]) => [where, value.map((v, i) => (i === index ? changed : v))] as [string, unknown]),
    );
  }
  if (!isPlainObject(value)) return [];
  const here: [string, unknown] = [path, { ...value, privateNote: "Only for me to read." }];
  const deeper = Object.entries(value).flatMap(([key, child]) =>
    withOneExtraKey(child, `${path}.${key}`).map(([where, changed]) => [where, { ...value, [key]: changed }] as [string, unknown]),
  );
  return [here, ...deeper];
}

describe("output schemas", () => {
  it.each(samples)("%s accepts a real-looking response", (_name, schema, sample) => {
    expect(schema.safeParse(sample).error?.issues).toBeUndefined();
  });

  it.each(samples)("%s refuses an extra field in any of its objects", (_name, schema, sample) => {
    const variants = withOneExtraKey(sample);
    expect(variants.length).toBeGreaterThan(0);
    for (const [where, changed] of variants) {
      expect(schema.safeParse(changed).success, `extra key at ${where}`).toBe(false);
    }
  });

  it("refuses an answer's text in the coach's inbox and a private answer's fields in the coach's view", () => {
    const [, inbox, inboxSample] = samples.find(([name]) => name === "inbox.list")!;
    const item = (inboxSample as { items: object[] }).items[0]!;
    expect(inbox.safeParse({ items: [{ ...item, value: { kind: "text", text: "secret" } }], nextCursor: null }).success).toBe(false);
    const [, view, coachSample] = samples.find(([name]) => name === "assignments.get (coach)")!;
    expect(view.safeParse({ ...(coachSample as object), answers: [] }).success).toBe(false);
    // The client's shape can't pass as the coach's: the role decides which strict object applies.
    const [, , clientSample] = samples.find(([name]) => name === "assignments.get (client)")!;
    expect(view.safeParse({ ...(clientSample as object), role: "coach" }).success).toBe(false);
  });
});
