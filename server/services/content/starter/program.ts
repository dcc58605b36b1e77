import "server-only";
import type { DraftProgramStep } from "@/lib/programs/steps";

/**
 * The starter program every new practice receives, built from the starter exercises (named by title): three weeks,
 * a step on each week's first day and a second step a couple of days after the first is done. Our own writing.
 */
export const starterProgram = {
  name: "Three Weeks of Steadier Ground",
  description:
    "A gentle three-week path through the starter series: noticing who you can lean on, keeping small promises to yourself, and finding what helps when things feel shaky. One or two short exercises a week, each opening when the one before is done.",
  steps: [
    { title: "Who I Can Lean On", opensOn: "day_offset", days: 0, dueInDays: 3 },
    { title: "One Small Step Towards Someone", opensOn: "after_previous", days: 0, dueInDays: 4 },
    { title: "Listening In", opensOn: "day_offset", days: 7, dueInDays: 3 },
    { title: "A Small Promise to Myself", opensOn: "after_previous", days: 2, dueInDays: 4 },
    { title: "Noticing My Protective Moves", opensOn: "day_offset", days: 14, dueInDays: 3 },
    { title: "What Helps Me Feel Steady", opensOn: "after_previous", days: 2, dueInDays: 5 },
  ] satisfies (Omit<DraftProgramStep, "exerciseId"> & { title: string })[],
};
