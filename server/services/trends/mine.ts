import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { type ScaleSeries, scaleSeries } from "./scale-series";

/** The client's own chart: all their scale answers of submitted exercises, shared or not. */
export async function myTrends(db: Queryable, actor: Actor): Promise<ScaleSeries[]> {
  authorize(policy.answersExercises(actor));
  return scaleSeries(db, and(eq(answers.practiceId, actor.practiceId), eq(answers.clientId, actor.userId)));
}
