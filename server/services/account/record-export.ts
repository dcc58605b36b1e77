import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import { type Actor, authorize, policy } from "@/server/policy";

export type ExportFormat = "json" | "html";

/** Each export leaves a trace (data.exported, with its format); the export itself is a read. */
export async function recordExport(db: Queryable, actor: Actor, input: { format: ExportFormat }, now: Date): Promise<{ recorded: true }> {
  authorize(policy.exportsOwnData(actor));
  await recordAudit(db, {
    practiceId: actor.practiceId,
    actorId: actor.userId,
    action: "data.exported",
    subjectUserId: actor.userId,
    entityType: "user",
    entityId: actor.userId,
    metadata: { format: input.format },
    createdAt: now,
  });
  return { recorded: true };
}
