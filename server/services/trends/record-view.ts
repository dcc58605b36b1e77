import "server-only";
import { NotFoundError } from "@/server/errors";
import type { Queryable } from "@/db/client";
import { type Actor, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";
import { recordAnswerViews } from "../views/answer-views";
import { coachTrendsScope } from "./for-client";
import { scaleSeries } from "./scale-series";

/**
 * The coach's chart of one client was shown: each charted point is a shared answer's value, so each
 * goes into the client's access log (once per window, see VIEW_DEDUPE_WINDOW_MS). The points are
 * worked out again here with the chart's own query, so exactly what the chart may show is logged and
 * nothing the coach may not see. A chart doesn't mark answers as seen in the inbox: a point shows a
 * number without its question's thread, so the answer stays "new" until the coach opens the exercise.
 * Another coach's client, another practice or a client caller: NOT_FOUND, nothing written.
 */
export async function recordTrendsView(db: Queryable, actor: Actor, input: { clientId: string }, now = new Date()): Promise<{ viewed: number; recorded: number }> {
  if (!policy.readsSharedAnswersAsCoach(actor)) throw new NotFoundError("That client");
  return db.transaction(async (tx) => {
    await getMyClient(tx, actor, input.clientId);
    const series = await scaleSeries(tx, coachTrendsScope(actor, input.clientId));
    const shown = series.flatMap((s) => s.points.map((p) => ({ answerId: p.answerId, assignmentId: p.assignmentId })));
    const recorded = await recordAnswerViews(tx, actor, { clientId: input.clientId, shown, via: "trends" }, now);
    return { viewed: shown.length, recorded };
  });
}
