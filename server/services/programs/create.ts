import "server-only";
import type { Queryable } from "@/db/client";
import { programs } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";

/** A new program, as a draft with no steps yet. */
export async function createProgram(
  db: Queryable,
  actor: Actor,
  input: { name: string; description: string },
  now = new Date(),
): Promise<{ id: string; revision: number }> {
  authorize(policy.editsContent(actor));
  const [row] = await db
    .insert(programs)
    .values({ practiceId: actor.practiceId, draftName: input.name, draftDescription: input.description, createdById: actor.userId, createdAt: now, updatedAt: now })
    .returning({ id: programs.id, revision: programs.revision });
  return row!;
}
