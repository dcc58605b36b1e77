import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, coachClients, programEnrolments, programSteps, programVersions, users } from "@/db/schema";
import type { DraftProgramStep } from "@/lib/programs/steps";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { openDueSteps } from "@/server/services/programs/open-steps";
import { expectCode } from "../helpers/content";
import { insertPublishedExercise } from "../helpers/loop-content";
import { answerSample } from "../helpers/loop";
import { memoryTransport, runJobs } from "../helpers/mail";
import { useLoopWorld } from "../helpers/use-world";
import { addUser } from "../helpers/world";

const { db, world, callers, exercise } = await useLoopWorld();
const { ids } = world;
const second = await insertPublishedExercise(db, { practiceId: ids.practiceA, adminId: ids.admin, title: "Small kindnesses" });
const third = await insertPublishedExercise(db, { practiceId: ids.practiceA, adminId: ids.admin, title: "Looking back" });
const draftExercise = await insertPublishedExercise(db, { practiceId: ids.practiceA, adminId: ids.admin, title: "Not yet ready", status: "draft" });
const exerciseB = await insertPublishedExercise(db, { practiceId: ids.practiceB, adminId: ids.adminB, title: "Practice B's own" });

const SYDNEY = "Australia/Sydney"; // southern: clocks go forward on Sunday 4 Oct 2026 (02:00 → 03:00)
const LONDON = "Europe/London"; // clocks go back on Sunday 25 Oct 2026 (02:00 → 01:00)
const setZone = (userId: string, timeZone: string) => db.update(users).set({ timeZone }).where(eq(users.id, userId));

const dayStep = (exerciseId: string, days: number, dueInDays: number | null = 2): DraftProgramStep => ({ exerciseId, opensOn: "day_offset", days, dueInDays });
const afterStep = (exerciseId: string, days = 0, dueInDays: number | null = 2): DraftProgramStep => ({ exerciseId, opensOn: "after_previous", days, dueInDays });

let counter = 0;
/** A program of practice A, published with these steps; returns its id. */
async function publishedProgram(steps: DraftProgramStep[]) {
  const created = await callers.admin.programs.create({ name: `Program ${++counter}`, description: "Small steps." });
  await callers.admin.programs.updateDraft({ id: created.id, revision: created.revision, name: `Program ${counter}`, description: "Small steps.", steps });
  await callers.admin.programs.publish({ id: created.id });
  return created.id;
}

async function enrol(programId: string, clientId: string, startDate: string, now: Date) {
  const coach = await world.as("coach", () => now);
  return (await coach.enrolments.create({ programId, clientIds: [clientId], startDate })).enrolmentIds[0]!;
}

const stepAssignments = (enrolmentId: string) =>
  db
    .select({ id: assignments.id, stepId: assignments.programStepId, dueAt: assignments.dueAt, createdAt: assignments.createdAt, status: assignments.status })
    .from(assignments)
    .where(eq(assignments.enrolmentId, enrolmentId))
    .orderBy(assignments.createdAt);
const enrolmentRow = async (id: string) => (await db.select().from(programEnrolments).where(eq(programEnrolments.id, id)))[0]!;
const submitAs = async (who: "client" | "client2", assignmentId: string, now: Date) => {
  const client = await world.as(who, () => now);
  await answerSample(client, assignmentId);
  await client.assignments.submit({ assignmentId });
};
const at = (iso: string) => new Date(iso);

describe("building a program", () => {
  it("publishes immutable versions: a new edit makes a new version, and version 1 and its enrolments keep their steps", async () => {
    const created = await callers.admin.programs.create({ name: "Steady weeks", description: "One step a week." });
    let draft = await callers.admin.programs.updateDraft({
      id: created.id,
      revision: created.revision,
      name: "Steady weeks",
      description: "One step a week.",
      steps: [dayStep(exercise.exerciseId, 0), dayStep(second.exerciseId, 7)],
    });
    const v1 = await callers.admin.programs.publish({ id: created.id, revision: draft.revision });
    expect(v1.version).toBe(1);
    const enrolmentId = await enrol(created.id, ids.client2, new Date().toISOString().slice(0, 10), new Date());

    draft = await callers.admin.programs.updateDraft({
      id: created.id,
      revision: draft.revision,
      name: "Steady weeks, longer",
      description: "One step a week.",
      steps: [dayStep(third.exerciseId, 0), dayStep(exercise.exerciseId, 7), afterStep(second.exerciseId, 1)],
    });
    const v2 = await callers.admin.programs.publish({ id: created.id });
    expect(v2.version).toBe(2);

    const stepsOf = (versionId: string) => db.select().from(programSteps).where(eq(programSteps.programVersionId, versionId)).orderBy(programSteps.position);
    expect((await stepsOf(v1.versionId)).map((s) => [s.position, s.exerciseId, s.exerciseVersionId])).toEqual([
      [1, exercise.exerciseId, exercise.versionId],
      [2, second.exerciseId, second.versionId],
    ]);
    expect((await stepsOf(v2.versionId)).map((s) => s.exerciseId)).toEqual([third.exerciseId, exercise.exerciseId, second.exerciseId]);
    const [v1Row] = await db.select().from(programVersions).where(eq(programVersions.id, v1.versionId));
    expect(v1Row!.name).toBe("Steady weeks");
    expect((await enrolmentRow(enrolmentId)).programVersionId).toBe(v1.versionId);

    // Nothing new since version 2: publishing again is refused.
    await expectCode(callers.admin.programs.publish({ id: created.id }), "CONFLICT", /Nothing has changed/);
    const view = await callers.admin.programs.get({ id: created.id });
    expect(view.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(view.publishedSteps.map((s) => s.title)).toEqual(["Looking back", "Noticing the week", "Small kindnesses"]);
    // Coaches see only published programs, by their published name.
    const listed = await callers.coach.programs.list();
    expect(listed.find((p) => p.id === created.id)).toMatchObject({ name: "Steady weeks, longer", stepCount: 3 });
  });

  it("refuses steps that can't work, with a clear message, and changes nothing", async () => {
    const created = await callers.admin.programs.create({ name: "Half built", description: "" });
    const save = (steps: DraftProgramStep[]) =>
      callers.admin.programs.updateDraft({ id: created.id, revision: created.revision, name: "Half built", description: "", steps });
    await expectCode(save([afterStep(exercise.exerciseId)]), "BAD_REQUEST", /Step 1: the first step can't wait/);
    await expectCode(save([dayStep(exercise.exerciseId, 7), dayStep(second.exerciseId, 3)]), "BAD_REQUEST", /Step 2: it opens before the step above it/);
    await expectCode(save([dayStep(draftExercise.exerciseId, 0)]), "BAD_REQUEST", /Step 1: that exercise isn't published/);
    await expectCode(save([dayStep(exerciseB.exerciseId, 0)]), "BAD_REQUEST", /Step 1: that exercise isn't published/);
    await expectCode(save([{ ...dayStep(exercise.exerciseId, 0), days: 400 }]), "BAD_REQUEST", /from 0 to 365/);
    await expectCode(callers.admin.programs.publish({ id: created.id }), "BAD_REQUEST", /Add at least one step/);
    const view = await callers.admin.programs.get({ id: created.id });
    expect(view).toMatchObject({ revision: created.revision, steps: [], status: "draft", latestVersion: null });
    // A draft program is for admins only: coaches don't see it, and can't start it.
    expect((await callers.coach.programs.list()).some((p) => p.id === created.id)).toBe(false);
    await expectCode(callers.coach.enrolments.create({ programId: created.id, clientIds: [ids.client], startDate: "2030-01-01" }), "NOT_FOUND");
    // Another practice's admin can't read or edit it.
    await expectCode(callers.adminB.programs.get({ id: created.id }), "NOT_FOUND");
    await expectCode(
      callers.adminB.programs.updateDraft({ id: created.id, revision: created.revision, name: "Taken", description: "", steps: [] }),
      "NOT_FOUND",
    );
  });
});

describe("steps opening on their days, in the client's time zone", () => {
  it("in Sydney across the spring change: each day's step opens at local midnight, due at the end of the local day", async () => {
    await setZone(ids.client, SYDNEY);
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0, 0), dayStep(second.exerciseId, 3, 1)]);
    // Thu 1 Oct 2026, 10:00 in Sydney (AEST, +10): the program starts on Friday.
    const enrolmentId = await enrol(programId, ids.client, "2026-10-02", at("2026-10-01T00:00:00Z"));
    expect(await stepAssignments(enrolmentId)).toHaveLength(0);

    expect(await openDueSteps(db, at("2026-10-01T13:59:00Z"))).toBe(0); // Thu 23:59 AEST
    expect(await openDueSteps(db, at("2026-10-01T14:00:00Z"))).toBe(1); // Fri 00:00 AEST
    let opened = await stepAssignments(enrolmentId);
    expect(opened[0]!.dueAt).toEqual(at("2026-10-02T13:59:59.999Z")); // the end of Friday, AEST

    // Day 3 is Monday 5 Oct, after clocks went forward: 00:00 AEDT (+11) is 13:00 UTC on Sunday.
    expect(await openDueSteps(db, at("2026-10-04T12:59:00Z"))).toBe(0);
    expect(await openDueSteps(db, at("2026-10-04T13:00:00Z"))).toBe(1);
    opened = await stepAssignments(enrolmentId);
    expect(opened[1]!.dueAt).toEqual(at("2026-10-06T12:59:59.999Z")); // the end of Tuesday, AEDT
    expect(await openDueSteps(db, at("2026-10-05T00:00:00Z"))).toBe(0);
  });

  it("in London across the autumn change, with the same program started for a client on UTC", async () => {
    await setZone(ids.client2, LONDON);
    await setZone(ids.client, "UTC");
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0, null), dayStep(second.exerciseId, 1, 0), dayStep(third.exerciseId, 2, 0)]);
    const now = at("2026-10-23T12:00:00Z");
    const coach = await world.as("coach", () => now);
    const { enrolmentIds } = await coach.enrolments.create({ programId, clientIds: [ids.client2, ids.client], startDate: "2026-10-24" });
    const [london, utc] = enrolmentIds as [string, string];

    expect(await openDueSteps(db, at("2026-10-23T23:00:00Z"))).toBe(1); // Sat 00:00 BST (+1) in London; still Friday in UTC
    expect((await stepAssignments(london))[0]!.dueAt).toBeNull();
    expect(await openDueSteps(db, at("2026-10-24T00:00:00Z"))).toBe(1); // Sat 00:00 UTC
    // Sun 25 Oct 00:00 is still BST in London: 23:00 UTC on Saturday. Due at the end of Sunday, GMT by then.
    expect(await openDueSteps(db, at("2026-10-24T23:00:00Z"))).toBe(1);
    expect((await stepAssignments(london))[1]!.dueAt).toEqual(at("2026-10-25T23:59:59.999Z"));
    // Mon 26 Oct 00:00 GMT is midnight UTC, the same moment as the UTC client's day 2.
    expect(await openDueSteps(db, at("2026-10-25T23:59:00Z"))).toBe(1); // the UTC client's day 1
    expect(await openDueSteps(db, at("2026-10-26T00:00:00Z"))).toBe(2);
    expect(await stepAssignments(london)).toHaveLength(3);
    expect(await stepAssignments(utc)).toHaveLength(3);
  });

  it("catches up once after downtime: missed steps open on the first pass, never twice, even with two runners at once", async () => {
    await setZone(ids.client, "UTC");
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 1), dayStep(second.exerciseId, 2), dayStep(third.exerciseId, 9)]);
    const enrolmentId = await enrol(programId, ids.client, "2026-11-02", at("2026-11-01T09:00:00Z"));
    const later = at("2026-11-06T09:00:00Z"); // the app was down from before day 1 until day 4
    await Promise.all([openDueSteps(db, later), openDueSteps(db, later)]);
    expect(await stepAssignments(enrolmentId)).toHaveLength(2);
    await openDueSteps(db, later);
    const opened = await stepAssignments(enrolmentId);
    expect(opened).toHaveLength(2);
    // Opened late, each is due counted from the day it really opened, so the client has their full two days.
    expect(opened.every((row) => row.dueAt!.getTime() === at("2026-11-08T23:59:59.999Z").getTime())).toBe(true);

    // Each opened step is emailed to the client once, by the job queued with it.
    const transport = memoryTransport();
    await runJobs(db, transport, { now: () => later });
    for (const row of opened) {
      expect(transport.sent.filter((email) => email.to === world.emails.client && email.text.includes(`/client/assignments/${row.id}`))).toHaveLength(1);
    }
  });

  it("is run by the step-opening job", async () => {
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 1)]);
    const enrolmentId = await enrol(programId, ids.client, "2026-12-02", at("2026-12-01T09:00:00Z"));
    await enqueueJob(db, QUEUES.openProgramSteps, { practiceId: null });
    await runJobs(db, memoryTransport(), { now: () => at("2026-12-02T23:59:00Z") });
    expect(await stepAssignments(enrolmentId)).toHaveLength(0);
    await enqueueJob(db, QUEUES.openProgramSteps, { practiceId: null });
    await runJobs(db, memoryTransport(), { now: () => at("2026-12-03T00:01:00Z") });
    expect(await stepAssignments(enrolmentId)).toHaveLength(1);
  });
});

describe("steps opening after the previous one", () => {
  it("opens step 2 when step 1 is submitted, step 3 two local days later, and completes when all are done", async () => {
    await setZone(ids.client2, SYDNEY);
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0, 3), afterStep(exercise.exerciseId, 0, 2), afterStep(exercise.exerciseId, 2, null)]);
    const start = at("2026-10-01T00:00:00Z"); // Thu 10:00 AEST
    const enrolmentId = await enrol(programId, ids.client2, "2026-10-01", start);
    let opened = await stepAssignments(enrolmentId);
    expect(opened).toHaveLength(1); // day 0 opened with the enrolment itself
    expect(opened[0]!.dueAt).toEqual(at("2026-10-04T12:59:59.999Z")); // the end of Sunday, AEDT

    let progress = (await (await world.as("client2")).enrolments.listMine()).find((e) => e.id === enrolmentId)!;
    expect(progress).toMatchObject({ currentStep: 1, stepCount: 3, next: { position: 2, afterPrevious: true, opensAt: null } });

    // Sat 3 Oct 23:30 AEST: submitting step 1 opens step 2 at once, in the same transaction.
    await submitAs("client2", opened[0]!.id, at("2026-10-03T13:30:00Z"));
    opened = await stepAssignments(enrolmentId);
    expect(opened).toHaveLength(2);
    expect(opened[1]!.createdAt).toEqual(at("2026-10-03T13:30:00Z"));
    expect(opened[1]!.dueAt).toEqual(at("2026-10-05T12:59:59.999Z")); // the end of Monday 5 Oct, AEDT

    await submitAs("client2", opened[1]!.id, at("2026-10-03T15:00:00Z")); // Sun 4 Oct 01:00 AEST
    progress = (await (await world.as("client2")).enrolments.listMine()).find((e) => e.id === enrolmentId)!;
    // Two local days after Sunday: Tuesday 6 Oct, 00:00 AEDT.
    expect(progress.next).toEqual({ position: 3, title: exercise.title, afterPrevious: true, opensAt: at("2026-10-05T13:00:00Z") });
    expect(await openDueSteps(db, at("2026-10-05T12:59:00Z"))).toBe(0);
    expect(await openDueSteps(db, at("2026-10-05T13:00:00Z"))).toBe(1);
    opened = await stepAssignments(enrolmentId);
    await submitAs("client2", opened[2]!.id, at("2026-10-06T01:00:00Z"));
    expect(await enrolmentRow(enrolmentId)).toMatchObject({ status: "completed", completedAt: at("2026-10-06T01:00:00Z") });
    progress = (await (await world.as("client2")).enrolments.listMine()).find((e) => e.id === enrolmentId)!;
    expect(progress).toMatchObject({ status: "completed", currentStep: 3, finishedCount: 3, next: null });
  });

  it("opens the next step when the coach cancels the one before", async () => {
    await setZone(ids.client, "UTC");
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0), afterStep(second.exerciseId)]);
    const now = new Date();
    const enrolmentId = await enrol(programId, ids.client, now.toISOString().slice(0, 10), now);
    const [step1] = await stepAssignments(enrolmentId);
    await callers.coach.assignments.cancel({ assignmentId: step1!.id });
    expect(await stepAssignments(enrolmentId)).toHaveLength(2);
  });
});

describe("pausing, resuming and stopping", () => {
  it("opens nothing while paused, opens the passed steps on resume, and nothing new once stopped (open work stays)", async () => {
    await setZone(ids.client, "UTC");
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0), dayStep(second.exerciseId, 2), dayStep(third.exerciseId, 5)]);
    const enrolmentId = await enrol(programId, ids.client, "2027-01-04", at("2027-01-04T08:00:00Z"));
    expect(await stepAssignments(enrolmentId)).toHaveLength(1);
    const coachAt = (iso: string) => world.as("coach", () => at(iso));

    expect(await (await coachAt("2027-01-05T08:00:00Z")).enrolments.pause({ enrolmentId })).toEqual({ id: enrolmentId, status: "paused" });
    await openDueSteps(db, at("2027-01-07T08:00:00Z"));
    expect(await stepAssignments(enrolmentId)).toHaveLength(1);
    // Pausing again changes nothing.
    expect((await (await coachAt("2027-01-07T08:00:00Z")).enrolments.pause({ enrolmentId })).status).toBe("paused");
    const progress = (await callers.coach.enrolments.listForClient({ clientId: ids.client })).find((e) => e.id === enrolmentId)!;
    expect(progress).toMatchObject({ status: "paused", currentStep: 1, next: { position: 2 } });

    // Resumed on day 3: the day-2 step opens then, the day-5 step keeps its day.
    expect((await (await coachAt("2027-01-07T09:00:00Z")).enrolments.resume({ enrolmentId })).status).toBe("active");
    expect(await stepAssignments(enrolmentId)).toHaveLength(2);
    await openDueSteps(db, at("2027-01-08T09:00:00Z"));
    expect(await stepAssignments(enrolmentId)).toHaveLength(2);

    await (await coachAt("2027-01-08T09:00:00Z")).enrolments.stop({ enrolmentId });
    await openDueSteps(db, at("2027-01-20T09:00:00Z"));
    const open = await stepAssignments(enrolmentId);
    expect(open.map((row) => row.status)).toEqual(["assigned", "assigned"]);
    await expectCode(callers.coach.enrolments.resume({ enrolmentId }), "CONFLICT", /isn't paused/);
    await expectCode(callers.coach.enrolments.pause({ enrolmentId }), "CONFLICT");
    // Stopped: the same program may be started again.
    await enrol(programId, ids.client, "2027-01-20", at("2027-01-20T09:00:00Z"));
  });
});

describe("a handover", () => {
  it("moves the client's running program to the new coach, who steers it from then on", async () => {
    const clientId = await addUser(db, ids.practiceA, "client", "Hana Handed", "hana@a.test");
    await db.insert(coachClients).values({ practiceId: ids.practiceA, coachId: ids.coach, clientId });
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0), dayStep(second.exerciseId, 3)]);
    const now = new Date();
    const enrolmentId = await enrol(programId, clientId, now.toISOString().slice(0, 10), now);
    await callers.admin.handover.handOver({ fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [clientId] });
    expect((await enrolmentRow(enrolmentId)).coachId).toBe(ids.otherCoach);
    await expectCode(callers.coach.enrolments.pause({ enrolmentId }), "NOT_FOUND");
    expect((await callers.otherCoach.enrolments.pause({ enrolmentId })).status).toBe("paused");
  });
});

describe("who may see and steer a client's program", () => {
  it("is the coach who started it; the client sees their own; everyone else gets NOT_FOUND", async () => {
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0)]);
    const now = new Date();
    const enrolmentId = await enrol(programId, ids.client, now.toISOString().slice(0, 10), now);
    for (const who of ["otherCoach", "admin", "coachB", "adminB"] as const) {
      await expectCode(callers[who].enrolments.pause({ enrolmentId }), "NOT_FOUND");
      await expectCode(callers[who].enrolments.stop({ enrolmentId }), "NOT_FOUND");
      await expectCode(callers[who].enrolments.listForClient({ clientId: ids.client }), "NOT_FOUND");
    }
    await expectCode(callers.client.enrolments.pause({ enrolmentId }), "FORBIDDEN");
    expect((await callers.client.enrolments.listMine()).some((e) => e.id === enrolmentId)).toBe(true);
    for (const who of ["client2", "otherClient", "clientB"] as const) {
      expect((await callers[who].enrolments.listMine()).some((e) => e.id === enrolmentId)).toBe(false);
    }
    // A coach starts programs only for their own clients, and only their practice's programs.
    const before = await db.select({ id: programEnrolments.id }).from(programEnrolments);
    await expectCode(callers.otherCoach.enrolments.create({ programId, clientIds: [ids.client], startDate: "2030-01-01" }), "NOT_FOUND");
    await expectCode(callers.coach.enrolments.create({ programId, clientIds: [ids.client2, ids.otherClient], startDate: "2030-01-01" }), "NOT_FOUND");
    await expectCode(callers.coachB.enrolments.create({ programId, clientIds: [ids.clientB], startDate: "2030-01-01" }), "NOT_FOUND");
    expect(await db.select({ id: programEnrolments.id }).from(programEnrolments)).toHaveLength(before.length);
  });

  it("refuses bad start dates and a second run of the same program, clearly, changing nothing", async () => {
    await setZone(ids.client2, SYDNEY);
    const programId = await publishedProgram([dayStep(exercise.exerciseId, 0)]);
    const before = await db.select({ id: programEnrolments.id }).from(programEnrolments);
    const coach = await world.as("coach", () => at("2026-10-01T15:00:00Z")); // already Fri 2 Oct 01:00 in Sydney
    await expectCode(coach.enrolments.create({ programId, clientIds: [ids.client2], startDate: "2026-02-30" }), "BAD_REQUEST", /real day/);
    await expectCode(coach.enrolments.create({ programId, clientIds: [ids.client2], startDate: "next week" }), "BAD_REQUEST", /date like/);
    await expectCode(coach.enrolments.create({ programId, clientIds: [ids.client2], startDate: "2026-10-01" }), "BAD_REQUEST", /already passed for Cal/);
    await expectCode(coach.enrolments.create({ programId, clientIds: [ids.client2], startDate: "2028-10-01" }), "BAD_REQUEST", /within the next year/);
    await expectCode(coach.enrolments.create({ programId, clientIds: [], startDate: "2026-10-02" }), "BAD_REQUEST", /at least one client/);
    expect(await db.select({ id: programEnrolments.id }).from(programEnrolments)).toHaveLength(before.length);
    await coach.enrolments.create({ programId, clientIds: [ids.client2], startDate: "2026-10-02" });
    await expectCode(coach.enrolments.create({ programId, clientIds: [ids.client2], startDate: "2026-10-09" }), "CONFLICT", /already following this program/);
    const running = await db
      .select()
      .from(programEnrolments)
      .where(and(eq(programEnrolments.programId, programId), eq(programEnrolments.clientId, ids.client2)));
    expect(running).toHaveLength(1);
  });
});
