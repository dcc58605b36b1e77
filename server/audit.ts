import "server-only";
import { auditEvents, type AuditAction } from "@/db/schema";
import type { Queryable } from "@/db/client";

export type AuditEntry = {
  practiceId: string | null;
  actorId: string | null;
  action: AuditAction;
  subjectUserId?: string | null;
  entityType?: string;
  entityId?: string;
  metadata?: Record<string, unknown>;
  /** When it happened, if not the database's now(): services pass their clock, so time-based rules can be tested. */
  createdAt?: Date;
};

/** Appends to the audit log. Call it with the same transaction as the change it records. */
export async function recordAudit(db: Queryable, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditEvents).values(
    list.map((e) => ({
      practiceId: e.practiceId,
      actorId: e.actorId,
      action: e.action,
      subjectUserId: e.subjectUserId ?? null,
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      metadata: e.metadata ?? {},
      ...(e.createdAt ? { createdAt: e.createdAt } : {}),
    })),
  );
}
