import "server-only";
import type { Queryable } from "@/db/client";
import { practices } from "@/db/schema";
import { insertUsers } from "../people/email-directory";
import { installStarterLibrary } from "../content/starter/install";
import { hashPassword } from "../auth/password-hash";

/**
 * A new practice comes with its first admin and the original starter library, ready to assign.
 * Run it inside a transaction so a half-made practice never exists.
 */
export async function createPractice(
  tx: Queryable,
  input: { name: string; admin: { name: string; email: string; password: string } },
): Promise<{ practiceId: string; adminId: string }> {
  const [practice] = await tx.insert(practices).values({ name: input.name }).returning({ id: practices.id });
  const [admin] = await insertUsers(tx, [
    {
      practiceId: practice!.id,
      name: input.admin.name,
      email: input.admin.email.toLowerCase(),
      role: "admin",
      passwordHash: await hashPassword(input.admin.password),
    },
  ]);
  await installStarterLibrary(tx, { practiceId: practice!.id, adminId: admin!.id });
  return { practiceId: practice!.id, adminId: admin!.id };
}
