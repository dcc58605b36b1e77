import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";
import { type ScaleSeries, scaleSeries } from "./scale-series";

/** A coach's chart of one client: only answers the client shares, of assignments this coach made. */
export async function trendsForClient(db: Queryable, actor: Actor, input: { clientId: string }): Promise<ScaleSeries[]> {
  authorize(policy.readsSharedAnswersAsCoach(actor));
  await getMyClient(db, actor, input.clientId);
  return scaleSeries(
    db,
    and(eq(answers.practiceId, actor.practiceId), eq(answers.clientId, input.clientId), eq(answers.coachId, actor.userId), eq(answers.shared, true)),
  );
}
