import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises, programs, programSteps, programVersions } from "@/db/schema";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadProgram, loadVersionSteps } from "./load";

/** A program as its builder page shows it: the working copy (with each step's exercise title) and its versions. */
export async function getProgram(db: Queryable, actor: Actor, input: { id: string }) {
  authorize(policy.seesDraftContent(actor));
  const program = await loadProgram(db, actor, input.id);
  const ids = [...new Set(program.draftSteps.map((step) => step.exerciseId))];
  const titles =
    ids.length === 0
      ? []
      : await db
          .select({ id: exercises.id, title: exercises.draftTitle })
          .from(exercises)
          .where(and(inArray(exercises.id, ids), eq(exercises.practiceId, actor.practiceId)));
  const titleOf = new Map(titles.map((row) => [row.id, row.title]));
  const versions = await db
    .select({ id: programVersions.id, version: programVersions.version, name: programVersions.name, publishedAt: programVersions.publishedAt })
    .from(programVersions)
    .where(and(eq(programVersions.practiceId, actor.practiceId), eq(programVersions.programId, program.id)))
    .orderBy(desc(programVersions.version));
  const latest = versions[0];
  return {
    id: program.id,
    status: program.status,
    name: program.draftName,
    description: program.draftDescription,
    revision: program.revision,
    hasUnpublishedChanges: program.hasUnpublishedChanges,
    latestVersion: program.latestVersion,
    steps: program.draftSteps.map((step) => ({ ...step, title: titleOf.get(step.exerciseId) ?? "" })),
    versions: versions.map(({ version, name, publishedAt }) => ({ version, name, publishedAt })),
    publishedSteps: latest ? (await loadVersionSteps(db, actor.practiceId, latest.id)).map(publishedStepView) : [],
  };
}

export function publishedStepView(step: Awaited<ReturnType<typeof loadVersionSteps>>[number]) {
  return { position: step.position, title: step.title, exerciseVersion: step.exerciseVersion, opensOn: step.opensOn, days: step.days, dueInDays: step.dueInDays };
}

/**
 * Programs of the actor's practice. Admins see every one with its state; coaches see the published ones only,
 * each as its latest version reads (name, description, steps), to choose one for their clients.
 */
export async function listPrograms(db: Queryable, actor: Actor) {
  authorize(policy.browsesLibrary(actor));
  const editor = policy.seesDraftContent(actor);
  const rows = await db
    .select({
      id: programs.id,
      status: programs.status,
      draftName: programs.draftName,
      hasUnpublishedChanges: programs.hasUnpublishedChanges,
      latestVersion: programs.latestVersion,
      versionId: programVersions.id,
      name: programVersions.name,
      description: programVersions.description,
      updatedAt: programs.updatedAt,
    })
    .from(programs)
    .leftJoin(programVersions, and(eq(programVersions.practiceId, programs.practiceId), eq(programVersions.programId, programs.id), eq(programVersions.version, programs.latestVersion)))
    .where(and(eq(programs.practiceId, actor.practiceId), editor ? undefined : eq(programs.status, "published")))
    .orderBy(desc(programs.updatedAt), programs.id);
  const versionIds = rows.flatMap((row) => (row.versionId ? [row.versionId] : []));
  const steps = versionIds.length === 0 ? [] : await db.select({ versionId: programSteps.programVersionId }).from(programSteps)
          .where(and(eq(programSteps.practiceId, actor.practiceId), inArray(programSteps.programVersionId, versionIds)));
  const stepCount = (versionId: string | null) => steps.filter((step) => step.versionId === versionId).length;
  return rows
    .filter((row) => editor || row.versionId)
    .map((row) => ({
      id: row.id,
      status: row.status,
      // Coaches see what they would assign: the published version. Admins see the working copy's name.
      name: editor ? row.draftName : row.name!,
      description: row.description ?? "",
      latestVersion: row.latestVersion,
      hasUnpublishedChanges: editor ? row.hasUnpublishedChanges : false,
      stepCount: stepCount(row.versionId),
    }));
}
