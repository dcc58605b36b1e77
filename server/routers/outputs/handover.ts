import "server-only";
import { z } from "zod";
import { count, id } from "./common";

const person = z.strictObject({ id, name: z.string() });

export const handoverOutputs = {
  coaches: z.array(z.strictObject({ id, name: z.string(), disabled: z.boolean(), clients: z.array(person) })),
  handOver: z.strictObject({ clientIds: z.array(id), movedAssignments: count, unsharedAnswers: count }),
  /** Names and a time: nothing the client wrote. */
  myNotice: z.strictObject({ id, fromCoachName: z.string(), toCoachName: z.string(), createdAt: z.date() }).nullable(),
  dismissNotice: z.strictObject({ id }),
};
