import "server-only";
import { z } from "zod";
import { count, id, keysetPage } from "./common";

/** Where a newly shared answer is, never what it says. */
export const inboxItem = z.strictObject({
  answerId: id,
  assignmentId: id,
  clientId: id,
  clientName: z.string(),
  exerciseTitle: z.string(),
  promptId: z.string(),
  promptLabel: z.string(),
  sharedAt: z.date(),
  unread: z.boolean(),
});

export const inboxOutputs = {
  list: keysetPage(inboxItem),
  unreadCount: z.strictObject({ count }),
};
