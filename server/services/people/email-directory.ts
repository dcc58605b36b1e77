import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailDirectory, users } from "@/db/schema";

type NewUser = typeof users.$inferInsert;

/** An address as the directory keys it. */
export const directoryEmail = (email: string) => email.trim().toLowerCase();

/** Whose address this is, before the practice is known: the one lookup that doesn't name a practice. */
export async function findByEmail(db: Queryable, email: string): Promise<{ practiceId: string; userId: string } | undefined> {
  const [entry] = await db
    .select({ practiceId: emailDirectory.practiceId, userId: emailDirectory.userId })
    .from(emailDirectory)
    .where(eq(emailDirectory.email, directoryEmail(email)))
    .limit(1);
  return entry;
}

/** Whether someone other than exceptUserId has this address (in any practice). */
export async function addressTaken(db: Queryable, email: string, exceptUserId?: string): Promise<boolean> {
  const rows = await db
    .select({ userId: emailDirectory.userId })
    .from(emailDirectory)
    .where(and(eq(emailDirectory.email, directoryEmail(email)), exceptUserId ? ne(emailDirectory.userId, exceptUserId) : undefined))
    .limit(1);
  return rows.length > 0;
}

/**
 * Creates users and their directory entries together. Run it inside a transaction: an address already in the
 * directory fails with a unique violation, as the users insert itself would.
 */
export async function insertUsers(tx: Queryable, rows: NewUser[]): Promise<{ id: string; email: string }[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(users)
    .values(rows)
    .returning({ id: users.id, email: users.email, practiceId: users.practiceId });
  await tx.insert(emailDirectory).values(inserted.map((u) => ({ email: directoryEmail(u.email), practiceId: u.practiceId, userId: u.id })));
  return inserted.map(({ id, email }) => ({ id, email }));
}

/** Moves a person's directory entry to their new address, in the transaction that changes users.email. */
export async function moveEmail(tx: Queryable, change: { userId: string; from: string; to: string }): Promise<void> {
  await tx
    .update(emailDirectory)
    .set({ email: directoryEmail(change.to) })
    .where(and(eq(emailDirectory.email, directoryEmail(change.from)), eq(emailDirectory.userId, change.userId)));
}
