import "server-only";
import { z } from "zod";
import { id } from "./common";

export const feedbackOutputs = {
  /** The new comment's id and time; its text stays with the thread. */
  comment: z.strictObject({ id, createdAt: z.date() }),
};
