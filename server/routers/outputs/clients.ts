import "server-only";
import { z } from "zod";
import { count, id, namePage } from "./common";

const person = { id, name: z.string(), email: z.string(), disabled: z.boolean() };

export const rosterClient = z.strictObject({ ...person, former: z.boolean(), linkedAt: z.date() });

/** A roster line of the coach's home: counts of the coach's own work with the client, nothing of its content. */
export const clientOverview = z.strictObject({ ...person, open: count, overdue: count, awaitingReview: count, unreadShared: count });

export const clientOutputs = {
  list: namePage(rosterClient),
  get: rosterClient,
  overview: namePage(clientOverview),
  overviewTotals: z.strictObject({ awaitingReview: count, unreadShared: count }),
};
