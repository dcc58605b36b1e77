import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";
import { type ScaleSeries, scaleSeries } from "./scale-series";

/** What a coach's chart of a client may contain: answers the client shares, of assignments this coach made. */
export const coachTrendsScope = (actor: Actor, clientId: string) =>
  and(eq(answers.practiceId, actor.practiceId), eq(answers.clientId, clientId), eq(answers.coachId, actor.userId), eq(answers.shared, true));

/**
 * A coach's chart of one client. A read, so it writes nothing: the page that shows the chart records
 * the view with trends.recordView (see record-view.ts), once per opening.
 */
export async function trendsForClient(db: Queryable, actor: Actor, input: { clientId: string }): Promise<ScaleSeries[]> {
  authorize(policy.readsSharedAnswersAsCoach(actor));
  await getMyClient(db, actor, input.clientId);
  return scaleSeries(db, coachTrendsScope(actor, input.clientId));
}
