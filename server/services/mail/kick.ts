import "server-only";
import { wakeJobsInApp } from "@/server/jobs/in-app";

/**
 * For procedures that queue an email: returns the committed result and asks this process's job runner to look
 * at once, so the email leaves in about a second instead of at the next poll. The delivery job itself was
 * queued with the email, in the same transaction (outbox.ts); this only saves waiting.
 */
export async function kickingMail<T>(result: Promise<T>): Promise<T> {
  const value = await result;
  wakeJobsInApp();
  return value;
}
