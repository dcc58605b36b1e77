import "server-only";
import { openDueSteps } from "@/server/services/programs/open-steps";
import type { Job, JobContext } from "../run-due-jobs";

/** Every few minutes: program steps whose day has come open as assignments (catching up once after downtime). */
export async function openProgramStepsJob(_job: Job, { db, now }: JobContext): Promise<void> {
  await openDueSteps(db, now());
}
