import "server-only";
import { z } from "zod";
import { answerValueSchema, promptSchema } from "../../services/content/prompt-schemas";
import { count, id, keysetPage, viewRecorded } from "./common";

export const assignmentStatus = z.enum(["assigned", "in_progress", "submitted", "reviewed", "cancelled"]);

const articleSnapshot = z.strictObject({
  articleId: id,
  title: z.string(),
  series: z.string().nullable(),
  part: z.number().int().nullable(),
  summary: z.string(),
  body: z.string(),
});

/** An article body rendered on the server, with each section's passage. */
export const renderedArticle = z.strictObject({
  html: z.string(),
  sections: z.array(z.strictObject({ anchor: z.string(), title: z.string(), level: z.number().int(), passageHtml: z.string() })),
});

/** The exercise version an assignment pins: content of the practice, the same for coach and client. */
export const pinnedVersion = z.strictObject({
  version: z.number().int(),
  title: z.string(),
  instructions: z.string(),
  prompts: z.array(promptSchema),
  article: articleSnapshot,
});

export const threadComment = z.strictObject({
  id,
  answerId: id,
  authorName: z.string(),
  authorRole: z.enum(["coach", "client"]),
  body: z.string(),
  createdAt: z.date(),
  /** Part of the client's conversation with an earlier coach (before a handover); only the client reads these. */
  earlier: z.boolean(),
});

const assignmentBase = {
  id,
  exerciseId: id,
  status: assignmentStatus,
  dueAt: z.date().nullable(),
  note: z.string(),
  createdAt: z.date(),
  submittedAt: z.date().nullable(),
  reviewedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  overdue: z.boolean(),
};

/** What the assigning coach sees: shared answers only, and nothing that counts or names a private one. */
export const coachAssignmentView = z.strictObject({
  role: z.literal("coach"),
  assignment: z.strictObject(assignmentBase),
  version: pinnedVersion,
  client: z.strictObject({ id, name: z.string() }),
  sharedAnswers: z.array(z.strictObject({ answerId: id, promptId: z.string(), value: answerValueSchema, sharedAt: z.date() })),
  comments: z.array(threadComment),
  sharedCount: count,
});

/** What the owning client sees of their own assignment. */
export const clientAssignmentView = z.strictObject({
  role: z.literal("client"),
  assignment: z.strictObject({ ...assignmentBase, startedAt: z.date().nullable(), coachId: id, coachName: z.string() }),
  version: pinnedVersion,
  answers: z.array(
    z.strictObject({
      promptId: z.string(),
      answerId: id,
      value: answerValueSchema,
      version: z.number().int(),
      shared: z.boolean(),
      sharedAt: z.date().nullable(),
      updatedAt: z.date(),
    }),
  ),
  article: renderedArticle,
  comments: z.array(threadComment),
  seenBy: z.array(
    z.strictObject({ answerId: id, viewerId: id, viewerName: z.string(), firstSeenAt: z.date(), lastSeenAt: z.date(), times: count }),
  ),
});

/** assignments.get serves both, told apart by `role`. */
export const assignmentView = z.discriminatedUnion("role", [clientAssignmentView, coachAssignmentView]);

export const coachAssignmentRow = z.strictObject({
  ...assignmentBase,
  clientId: id,
  clientName: z.string(),
  title: z.string(),
  sharedCount: count,
  lastSharedAt: z.date().nullable(),
  promptCount: count,
});

export const assignmentOutputs = {
  create: z.strictObject({ assignmentIds: z.array(id) }),
  cancel: z.strictObject({ id, status: z.literal("cancelled") }),
  markReviewed: z.strictObject({ id, status: z.literal("reviewed") }),
  listForCoach: keysetPage(coachAssignmentRow),
  get: assignmentView,
  recordView: viewRecorded,
};
