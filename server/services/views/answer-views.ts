import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/policy";

/**
 * Views of the same answer by the same coach within this window are one event in the client's access
 * log. A coach reading an exercise reloads it, comes back from another tab, opens it from the inbox and
 * from the timeline: that is one sitting, and the client wants to know who read their words and when,
 * not how often a browser asked. Thirty minutes covers a sitting; a coach coming back later in the day
 * is a new view. The audit table is append-only, so repeats are folded by not inserting them.
 */
export const VIEW_DEDUPE_WINDOW_MS = 30 * 60 * 1000;

export type ShownAnswer = { answerId: string; assignmentId: string };

/**
 * Takes a transaction-scoped advisory lock on (coach, client): two recordings of this coach's views of
 * this client's answers (two tabs, a double click, the assignment page and the chart opened together)
 * run one after the other, so the second sees the first one's events and doesn't repeat them. Keyed by
 * client rather than assignment because the chart and the assignment page show the same answers.
 */
async function lockViewsOf(tx: Transaction, actor: Actor, clientId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`answer.viewed:${actor.userId}:${clientId}`}, 0))`);
}

/**
 * Writes one answer.viewed event for each shown answer this coach hasn't viewed within the window.
 * The caller has already scoped `shown` to answers the coach may see right now (shared with them, of
 * their assignments, in their practice). Returns how many events were written.
 */
export async function recordAnswerViews(
  tx: Transaction,
  actor: Actor,
  input: { clientId: string; shown: ShownAnswer[]; via?: "trends" },
  now: Date,
): Promise<number> {
  if (input.shown.length === 0) return 0;
  await lockViewsOf(tx, actor, input.clientId);
  const answerIds = input.shown.map((s) => s.answerId);
  const recent = await tx
    .selectDistinct({ answerId: auditEvents.entityId })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.practiceId, actor.practiceId),
        eq(auditEvents.action, "answer.viewed"),
        inArray(auditEvents.entityId, answerIds),
        eq(auditEvents.actorId, actor.userId),
        gt(auditEvents.createdAt, new Date(now.getTime() - VIEW_DEDUPE_WINDOW_MS)),
      ),
    );
  const seenRecently = new Set(recent.map((row) => row.answerId));
  const fresh = input.shown.filter((s) => !seenRecently.has(s.answerId));
  // At most a few thousand rows (8 parameters each), well under Postgres's 65,535 bind parameters per statement.
  await recordAudit(
    tx,
    fresh.map((s) => ({
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "answer.viewed" as const,
      subjectUserId: input.clientId,
      entityType: "answer",
      entityId: s.answerId,
      metadata: input.via ? { via: input.via, assignmentId: s.assignmentId } : { assignmentId: s.assignmentId },
      createdAt: now,
    })),
  );
  return fresh.length;
}
