import { getCurrentSession } from "@/server/auth/current-session";
import { getDatabaseHandle } from "@/server/db";
import { checkOrigin } from "@/server/http/origin";
import { enqueueJob } from "@/server/jobs/enqueue";
import { wakeJobsInApp } from "@/server/jobs/in-app";
import { QUEUES } from "@/server/jobs/queues";
import { policy } from "@/server/policy";
import { appNow, moveTestClockTo, resetTestClock, testClockEnabled } from "@/server/test-clock";

export const dynamic = "force-dynamic";

const answer = (status: number, body: object) => Response.json(body, { status });

/**
 * The end-to-end suite's clock (ADR 0029). Only when HEARTH_TEST_CLOCK=on (a local test server, see server/env.ts);
 * otherwise this address doesn't exist. An admin of the server, from its own pages' origin, moves the clock
 * forward ({ "at": ISO time }) or back to the real time ({ "reset": true }); the scheduled jobs (steps opening,
 * reminders, digests, delivery) then run at once on the moved time, by this process's job runner.
 */
export async function POST(request: Request): Promise<Response> {
  if (!testClockEnabled()) return new Response("Not found", { status: 404 });
  if (!checkOrigin(request.headers).ok) return answer(403, { error: "Only from this server's own pages." });
  const session = await getCurrentSession();
  if (!session || !policy.opensDevMailbox({ userId: session.userId, practiceId: session.practiceId, role: session.role })) {
    return new Response("Not found", { status: 404 });
  }
  const body = (await request.json().catch(() => null)) as { at?: unknown; reset?: unknown } | null;
  if (body?.reset === true) {
    resetTestClock();
  } else {
    const at = typeof body?.at === "string" ? new Date(body.at) : null;
    if (!at || Number.isNaN(at.getTime())) return answer(400, { error: 'Send { "at": an ISO time } or { "reset": true }.' });
    moveTestClockTo(at);
  }
  const { db } = await getDatabaseHandle();
  for (const queue of [QUEUES.openProgramSteps, QUEUES.scanReminders, QUEUES.deliverMail]) await enqueueJob(db, queue, { practiceId: null });
  wakeJobsInApp();
  return answer(200, { now: appNow().toISOString() });
}
