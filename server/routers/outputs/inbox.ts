import "server-only";
import { z } from "zod";
import { count, id, keysetPage } from "./common";

/** Where a newly shared answer is, and the first line of what was shared (at most 120 characters). */
export const inboxItem = z.strictObject({
  answerId: id,
  assignmentId: id,
  clientId: id,
  clientName: z.string(),
  exerciseTitle: z.string(),
  promptId: z.string(),
  promptLabel: z.string(),
  firstLine: z.string().max(120),
  sharedAt: z.date(),
  unread: z.boolean(),
});

export const inboxOutputs = {
  list: keysetPage(inboxItem),
  unreadCount: z.strictObject({ count }),
};
