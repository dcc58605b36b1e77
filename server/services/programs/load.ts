import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exerciseVersions, programs, programSteps, programVersions } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/server/errors";
import type { Actor } from "@/server/policy";

/** A program (working copy) of the actor's practice, or NOT_FOUND. */
export async function loadProgram(db: Queryable, actor: Actor, id: string, lock?: "update") {
  const query = db
    .select()
    .from(programs)
    .where(and(eq(programs.id, id), eq(programs.practiceId, actor.practiceId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("That program");
  return row;
}

/** The steps of one published version, in order, with the title of the exercise version each pins. */
export async function loadVersionSteps(db: Queryable, practiceId: string, programVersionId: string) {
  return db
    .select({
      id: programSteps.id,
      position: programSteps.position,
      exerciseId: programSteps.exerciseId,
      exerciseVersionId: programSteps.exerciseVersionId,
      exerciseVersion: exerciseVersions.version,
      title: exerciseVersions.title,
      opensOn: programSteps.opensOn,
      days: programSteps.days,
      dueInDays: programSteps.dueInDays,
    })
    .from(programSteps)
    .innerJoin(exerciseVersions, and(eq(exerciseVersions.practiceId, programSteps.practiceId), eq(exerciseVersions.id, programSteps.exerciseVersionId)))
    .where(and(eq(programSteps.practiceId, practiceId), eq(programSteps.programVersionId, programVersionId)))
    .orderBy(asc(programSteps.position));
}

/** The latest published version of a program of the actor's practice, or NOT_FOUND when it has none. */
export async function loadLatestVersion(db: Queryable, actor: Actor, programId: string) {
  const [row] = await db
    .select({ id: programVersions.id, version: programVersions.version, name: programVersions.name, description: programVersions.description })
    .from(programs)
    .innerJoin(programVersions, and(eq(programVersions.practiceId, programs.practiceId), eq(programVersions.programId, programs.id), eq(programVersions.version, programs.latestVersion)))
    .where(and(eq(programs.id, programId), eq(programs.practiceId, actor.practiceId), eq(programs.status, "published")));
  if (!row) throw new NotFoundError("That program");
  return row;
}

export const staleProgramDraft = (currentRevision: number) =>
  new ConflictError(
    "This program was saved somewhere else after you opened it, so your changes weren't saved. Reload to see the latest version, then make your changes again.",
    { currentRevision },
  );
