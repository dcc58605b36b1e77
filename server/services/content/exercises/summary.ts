import "server-only";
import { exercises } from "@/db/schema";
import type { ExerciseStatus } from "./load";

/** An exercise's working copy in a list: its title, status and how it stands against its published versions. */
export type ExerciseSummary = { id: string; title: string; status: ExerciseStatus; latestVersion: number | null; hasUnpublishedChanges: boolean };

/** The columns of an ExerciseSummary, to spread into a select. */
export const exerciseSummaryColumns = {
  id: exercises.id,
  title: exercises.draftTitle,
  status: exercises.status,
  latestVersion: exercises.latestVersion,
  hasUnpublishedChanges: exercises.hasUnpublishedChanges,
};
