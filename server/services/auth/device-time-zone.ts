import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { canonicalTimeZone } from "@/server/validation/time-zone";
import { forgetCachedSessions } from "./session-cache";

/** Every account's zone until someone sets it (the column's default). */
export const DEFAULT_TIME_ZONE = "UTC";

/** UTC under any of its names (Etc/UTC, Etc/GMT …): nothing to adopt. */
const isUtc = (zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone === "UTC";

/**
 * At sign-in, an account still in the default zone that nobody ever changed takes the zone of the device signing in,
 * once: dates on its pages and in its emails are then the person's own (decision 0032). A zone the person chose
 * (any earlier `account.time_zone_changed`, this one included) is never touched; an unknown zone is ignored.
 */
export async function adoptDeviceTimeZone(
  tx: Queryable,
  user: { id: string; practiceId: string; timeZone: string },
  deviceTimeZone: string | undefined,
  now: Date,
): Promise<void> {
  const zone = deviceTimeZone ? canonicalTimeZone(deviceTimeZone) : null;
  if (!zone || user.timeZone !== DEFAULT_TIME_ZONE || isUtc(zone)) return;
  const [changedBefore] = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectUserId, user.id), eq(auditEvents.action, "account.time_zone_changed")))
    .limit(1);
  if (changedBefore) return;
  const adopted = await tx
    .update(users)
    .set({ timeZone: zone, updatedAt: now })
    .where(and(eq(users.practiceId, user.practiceId), eq(users.id, user.id), eq(users.timeZone, DEFAULT_TIME_ZONE)))
    .returning({ id: users.id });
  if (adopted.length === 0) return;
  // The person's other sessions carry the zone too.
  forgetCachedSessions(tx);
  await recordAudit(tx, {
    practiceId: user.practiceId,
    actorId: user.id,
    action: "account.time_zone_changed",
    subjectUserId: user.id,
    metadata: { from: DEFAULT_TIME_ZONE, to: zone, fromDevice: true },
    createdAt: now,
  });
}
