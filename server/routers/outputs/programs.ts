import "server-only";
import { z } from "zod";
import { assignmentStatus } from "./assignments";
import { count, id } from "./common";

const contentStatus = z.enum(["draft", "published", "archived"]);
const opensOn = z.enum(["day_offset", "after_previous"]);
const days = z.number().int().min(0);

const draftStep = z.strictObject({ exerciseId: id, title: z.string(), opensOn, days, dueInDays: days.nullable() });
const publishedStep = z.strictObject({ position: count, title: z.string(), exerciseVersion: count, opensOn, days, dueInDays: days.nullable() });

export const enrolmentStatus = z.enum(["active", "paused", "stopped", "completed"]);

/** A program's progress for its client: titles and dates only, never an answer. */
const enrolmentProgress = z.strictObject({
  id,
  programId: id,
  name: z.string(),
  description: z.string(),
  status: enrolmentStatus,
  startDate: z.string(),
  stepCount: count,
  openedCount: count,
  finishedCount: count,
  currentStep: count,
  next: z.strictObject({ position: count, title: z.string(), opensAt: z.date().nullable(), afterPrevious: z.boolean() }).nullable(),
  steps: z.array(
    z.strictObject({
      position: count,
      title: z.string(),
      opensOn,
      days,
      assignmentId: id.nullable(),
      assignmentStatus: assignmentStatus.nullable(),
      dueAt: z.date().nullable(),
      opensAt: z.date().nullable(),
    }),
  ),
});

export const programOutputs = {
  list: z.array(
    z.strictObject({
      id,
      status: contentStatus,
      name: z.string(),
      description: z.string(),
      latestVersion: count.nullable(),
      hasUnpublishedChanges: z.boolean(),
      stepCount: count,
    }),
  ),
  get: z.strictObject({
    id,
    status: contentStatus,
    name: z.string(),
    description: z.string(),
    revision: count,
    hasUnpublishedChanges: z.boolean(),
    latestVersion: count.nullable(),
    steps: z.array(draftStep),
    versions: z.array(z.strictObject({ version: count, name: z.string(), publishedAt: z.date() })),
    publishedSteps: z.array(publishedStep),
  }),
  create: z.strictObject({ id, revision: count }),
  updateDraft: z.strictObject({ id, revision: count, hasUnpublishedChanges: z.boolean() }),
  publish: z.strictObject({ id, version: count, versionId: id }),
};

export const enrolmentOutputs = {
  create: z.strictObject({ enrolmentIds: z.array(id) }),
  list: z.array(enrolmentProgress),
  change: z.strictObject({ id, status: enrolmentStatus }),
};
