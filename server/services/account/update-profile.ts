import "server-only";
import { forgetCachedSessions } from "../auth/session-cache";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { type AuditEntry, recordAudit } from "@/server/audit";
import { NotFoundError } from "@/server/errors";
import type { SessionUser } from "@/lib/people/roles";

/** The signed-in person's name and time zone. Each change that happens is recorded; the name itself is not. */
export async function updateProfile(
  db: Queryable,
  session: SessionUser,
  input: { name?: string; timeZone?: string },
  now = new Date(),
): Promise<{ name: string; timeZone: string }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name, timeZone: users.timeZone }).from(users).where(and(eq(users.practiceId, session.practiceId), eq(users.id, session.userId))).for("update");
    if (!before) throw new NotFoundError("Your account");
    const after = { name: input.name ?? before.name, timeZone: input.timeZone ?? before.timeZone };
    const events: AuditEntry[] = [];
    const event = (action: AuditEntry["action"], metadata: Record<string, unknown> = {}): AuditEntry => ({
      practiceId: session.practiceId,
      actorId: session.userId,
      action,
      subjectUserId: session.userId,
      metadata,
      createdAt: now,
    });
    if (after.name !== before.name) events.push(event("account.name_changed"));
    if (after.timeZone !== before.timeZone) events.push(event("account.time_zone_changed", { from: before.timeZone, to: after.timeZone }));
    if (events.length > 0) {
      await tx.update(users).set({ ...after, updatedAt: now }).where(and(eq(users.practiceId, session.practiceId), eq(users.id, session.userId)));
      forgetCachedSessions(tx);
      await recordAudit(tx, events);
    }
    return after;
  });
}
