import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { verifyPassword } from "../auth/password-hash";
import { countCurrentPasswordCheck } from "./limits";

/** The signed-in person's row, once they have typed their current password (limited per person). */
export async function withCurrentPassword(db: Queryable, person: { userId: string; practiceId: string }, currentPassword: string) {
  const { userId } = person;
  const check = await countCurrentPasswordCheck(db, userId);
  const [user] = await db
    .select({ id: users.id, practiceId: users.practiceId, email: users.email, name: users.name, timeZone: users.timeZone, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.practiceId, person.practiceId), eq(users.id, userId)));
  if (!user) throw new NotFoundError("Your account");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new InvalidInputError("That isn't your current password. Please check it and try again.", { field: "currentPassword" });
  }
  await check.matched();
  return user;
}
