import "server-only";
import { z } from "zod";
import { count, id, keysetPage } from "./common";

/**
 * A notification as the menu shows it: who, what and when, composed from the rows it refers to (names, a title,
 * how many answers), never a word anyone wrote. One strict shape per kind.
 */
const common = { id, createdAt: z.date(), read: z.boolean() };
export const notificationItem = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("answers.shared"), clientName: z.string(), exerciseTitle: z.string(), answerCount: count, assignmentId: id }),
  z.strictObject({ ...common, kind: z.literal("invitation.accepted"), clientName: z.string(), clientId: id }),
  z.strictObject({ ...common, kind: z.literal("assignment.created"), coachName: z.string(), exerciseTitle: z.string(), assignmentId: id }),
  z.strictObject({ ...common, kind: z.literal("feedback.reply"), coachName: z.string(), exerciseTitle: z.string(), assignmentId: id }),
]);

export const notificationsOutputs = {
  list: keysetPage(notificationItem),
  unreadCount: z.strictObject({ count }),
  marked: z.strictObject({ marked: count }),
};
