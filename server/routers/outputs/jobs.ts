import "server-only";
import { z } from "zod";
import { count, id } from "./common";

/** Failed background work: which job or email, when, how many tries. Never an error's text. */
export const jobOutputs = {
  failed: z.strictObject({
    jobs: z.array(z.strictObject({ id, kind: z.string(), attempts: count, failedAt: z.date() })),
    emails: z.array(z.strictObject({ id, to: z.string(), subject: z.string(), attempts: count, createdAt: z.date() })),
  }),
};
