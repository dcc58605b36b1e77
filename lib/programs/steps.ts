/**
 * A program step as an admin edits it and as a published version keeps it. Pure types, shared by the
 * builder page, the services and the schedule.
 */
export type StepOpening =
  /** Opens on `days` after the program's start date (0 = the start date itself), at the start of the client's day. */
  | "day_offset"
  /** Opens when the previous step is submitted, or at the start of the client's day `days` later. */
  | "after_previous";

export type DraftProgramStep = {
  exerciseId: string;
  opensOn: StepOpening;
  days: number;
  /** The step's assignment is due at the end of the client's day this many days after it opens; null: no due date. */
  dueInDays: number | null;
};

export const MAX_PROGRAM_STEPS = 30;
export const MAX_STEP_DAYS = 365;
