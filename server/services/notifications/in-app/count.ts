import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { UNREAD_SHOWN_MAX } from "@/lib/notifications/unread-badge";
import type { Actor } from "@/server/policy";
import { unread, visibleTo, withSubjects } from "./visible";

/**
 * How many of the person's notifications are unread and still visible, counted up to UNREAD_SHOWN_MAX + 1 (the
 * menu shows "9+"): each unread row's visibility is checked on its own, so the count reads at most ten of them.
 */
export async function countUnreadNotifications(db: Queryable, actor: Actor): Promise<{ count: number }> {
  const capped = withSubjects(db)
    .where(visibleTo(actor, unread))
    .limit(UNREAD_SHOWN_MAX + 1)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return { count: Number(row?.n ?? 0) };
}
