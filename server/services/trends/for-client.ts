import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { type Actor, authorize, policy } from "@/server/policy";
import { getMyClient } from "../people/roster";
import { type ScaleSeries, scaleSeries } from "./scale-series";

/**
 * A coach's chart of one client: only answers the client shares, of assignments this coach made.
 * A chart point shows a shared answer's value, so each one leaves a trace in the client's access log
 * (one answer.viewed event per answer shown), written in the same transaction as the read.
 */
export async function trendsForClient(db: Queryable, actor: Actor, input: { clientId: string }): Promise<ScaleSeries[]> {
  authorize(policy.readsSharedAnswersAsCoach(actor));
  return db.transaction(async (tx) => {
    await getMyClient(tx, actor, input.clientId);
    const series = await scaleSeries(
      tx,
      and(eq(answers.practiceId, actor.practiceId), eq(answers.clientId, input.clientId), eq(answers.coachId, actor.userId), eq(answers.shared, true)),
    );
    // At most MAX_POINTS rows (7 parameters each), well under Postgres's 65,535 bind parameters per statement.
    await recordAudit(
      tx,
      series.flatMap((s) =>
        s.points.map((point) => ({
          practiceId: actor.practiceId,
          actorId: actor.userId,
          action: "answer.viewed" as const,
          subjectUserId: input.clientId,
          entityType: "answer",
          entityId: point.answerId,
          metadata: { via: "trends", assignmentId: point.assignmentId },
        })),
      ),
    );
    return series;
  });
}
