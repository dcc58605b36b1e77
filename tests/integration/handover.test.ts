import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answers, assignments, auditEvents, coachClients, outboxEmails } from "@/db/schema";
import { answerSample, saveFirst, submittedAndShared, text } from "../helpers/loop";
import { outcome, tableFingerprint } from "../helpers/outcomes";
import { onPostgresServer } from "../helpers/test-db";
import { useLoopWorld } from "../helpers/use-world";
import { addUser, callerFor } from "../helpers/world";

const { db, world, callers, exercise } = await useLoopWorld();
const { ids } = world;

const SHARED_WORDS = { reflection: "What I told my old coach about my father", word: "raw", calm: 3 };
const touched = ["answers", "assignments", "coach_clients", "handover_notices", "audit_events", "outbox_emails"];

/** A new client of coach A, signed in. */
async function freshClient() {
  const email = `client-${crypto.randomUUID()}@a.test`;
  const id = await addUser(db, ids.practiceA, "client", "Jo Moving", email);
  await db.insert(coachClients).values({ practiceId: ids.practiceA, coachId: ids.coach, clientId: id });
  return { id, caller: await callerFor(db, email) };
}

/** One submitted assignment with two answers shared, one in progress, one not started. */
async function clientWithHistory() {
  const client = await freshClient();
  const submitted = await submittedAndShared(callers.coach, client.caller, {
    exerciseId: exercise.exerciseId,
    clientId: client.id,
    share: ["word", "calm"],
    words: SHARED_WORDS,
  });
  const [inProgress, notStarted] = (
    await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [client.id, client.id] }).then(async (first) => {
      const second = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [client.id] });
      return [...first.assignmentIds, ...second.assignmentIds];
    })
  ).slice(0, 2) as [string, string];
  await saveFirst(client.caller, inProgress, "reflection", text("A draft for later"));
  return { client, submitted: submitted.assignmentId, inProgress, notStarted };
}

const coachOf = async (assignmentId: string) =>
  (await db.select({ coachId: assignments.coachId }).from(assignments).where(eq(assignments.id, assignmentId)))[0]!.coachId;

describe("handover.handOver", () => {
  it("moves every assignment, makes everything shared private again, and tells the client", async () => {
    const { client, submitted, inProgress, notStarted } = await clientWithHistory();
    const result = await callers.admin.handover.handOver({ fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id] });
    expect(result).toEqual({ clientIds: [client.id], movedAssignments: 3, unsharedAnswers: 2 });

    for (const assignmentId of [submitted, inProgress, notStarted]) expect(await coachOf(assignmentId)).toBe(ids.otherCoach);
    const rows = await db.select().from(answers).where(eq(answers.clientId, client.id));
    expect(rows.filter((a) => a.shared)).toEqual([]);
    expect(rows.every((a) => a.coachId === ids.otherCoach && a.coachSeenAt === null)).toBe(true);

    const links = await db.select().from(coachClients).where(eq(coachClients.clientId, client.id));
    expect(links.map((l) => l.coachId)).toEqual([ids.otherCoach]);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, client.id));
    const unshared = events.filter((e) => e.action === "answer.unshared");
    expect(unshared).toHaveLength(2);
    expect(unshared.every((e) => e.actorId === ids.admin && e.metadata.reason === "handover")).toBe(true);
    const handedOver = events.filter((e) => e.action === "client.handed_over");
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]).toMatchObject({ actorId: ids.admin, metadata: { fromCoachId: ids.coach, toCoachId: ids.otherCoach, movedAssignments: 3 } });

    const [email] = await db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, client.id) }))!.email)));
    expect(email!.subject).toContain("Olive Othercoach");
    expect(email!.textBody).toContain("Casey Coach");
    for (const words of [SHARED_WORDS.reflection, SHARED_WORDS.word, "A draft for later"]) expect(email!.textBody).not.toContain(words);

    const notice = await client.caller.handover.myNotice();
    expect(notice).toMatchObject({ fromCoachName: "Casey Coach", toCoachName: "Olive Othercoach" });
    await client.caller.handover.dismissNotice({ id: notice!.id });
    expect(await client.caller.handover.myNotice()).toBeNull();
  });

  it("the new coach sees nothing from before; the old coach loses the client and everything of theirs", async () => {
    const { client, submitted, inProgress } = await clientWithHistory();
    const [word] = await db.select({ id: answers.id }).from(answers).where(and(eq(answers.assignmentId, submitted), eq(answers.promptId, "word")));
    await callers.coach.feedback.comment({ answerId: word!.id, body: "What the old coach said about the father" });
    await client.caller.feedback.comment({ answerId: word!.id, body: "My reply to the old coach" });
    await callers.admin.handover.handOver({ fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id] });

    const newCoach = callers.otherCoach;
    expect(await newCoach.clients.get({ clientId: client.id })).toMatchObject({ id: client.id });
    const inbox = await newCoach.inbox.list({ limit: 100 });
    expect(inbox.items.filter((i) => i.clientId === client.id)).toEqual([]);
    const trends = await newCoach.trends.forClient({ clientId: client.id });
    const old = await newCoach.assignments.get({ assignmentId: submitted });
    expect(old).toMatchObject({ role: "coach", sharedAnswers: [], comments: [], sharedCount: 0 });
    const moved = await newCoach.assignments.get({ assignmentId: inProgress });
    const secrets = [SHARED_WORDS.reflection, SHARED_WORDS.word, "A draft for later", "What the old coach said", "My reply to the old coach"];
    for (const words of secrets) expect(JSON.stringify([inbox, trends, old, moved])).not.toContain(words);

    const oldCoach = callers.coach;
    for (const assignmentId of [submitted, inProgress]) expect(await outcome(oldCoach.assignments.get({ assignmentId }))).toBe("NOT_FOUND");
    expect(await outcome(oldCoach.clients.get({ clientId: client.id }))).toBe("NOT_FOUND");
    expect(await outcome(oldCoach.feedback.comment({ answerId: word!.id, body: "Still there?" }))).toBe("NOT_FOUND");
  });

  it("the client can share an old reflection with the new coach, who sees it without the old conversation", async () => {
    const { client, submitted } = await clientWithHistory();
    const [word] = await db.select({ id: answers.id }).from(answers).where(and(eq(answers.assignmentId, submitted), eq(answers.promptId, "word")));
    await callers.coach.feedback.comment({ answerId: word!.id, body: "What the old coach said about the father" });
    await client.caller.feedback.comment({ answerId: word!.id, body: "My reply to the old coach" });
    await callers.admin.handover.handOver({ fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id] });

    // The page the client had open still named the old coach: nothing goes anywhere.
    const staleShare = client.caller.answers.setSharing({ assignmentId: submitted, coachId: ids.coach, shares: [{ promptId: "word", shared: true }] });
    expect(await staleShare.catch((e: unknown) => e)).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("now with Olive Othercoach") });
    expect((await db.select().from(answers).where(eq(answers.clientId, client.id))).filter((a) => a.shared)).toEqual([]);

    expect(
      await client.caller.answers.setSharing({ assignmentId: submitted, coachId: ids.otherCoach, shares: [{ promptId: "word", shared: true }] }),
    ).toEqual({ shared: ["word"] });
    const inbox = await callers.otherCoach.inbox.list({ limit: 100 });
    expect(inbox.items.filter((i) => i.clientId === client.id)).toHaveLength(1);
    expect((await callers.coach.inbox.list({ limit: 100 })).items.filter((i) => i.clientId === client.id)).toEqual([]);

    const seen = await callers.otherCoach.assignments.get({ assignmentId: submitted });
    expect(seen).toMatchObject({ role: "coach", sharedCount: 1, comments: [] });
    expect(JSON.stringify(seen)).toContain(SHARED_WORDS.word);
    expect(JSON.stringify(seen)).not.toContain("What the old coach said");
    expect(JSON.stringify(seen)).not.toContain("My reply to the old coach");

    // A new conversation starts; the client sees both, the earlier one marked as such.
    await callers.otherCoach.feedback.comment({ answerId: word!.id, body: "Thank you for sharing this with me" });
    const coachSide = await callers.otherCoach.assignments.get({ assignmentId: submitted });
    expect(coachSide.comments.map((c) => c.body)).toEqual(["Thank you for sharing this with me"]);
    const clientSide = await client.caller.assignments.get({ assignmentId: submitted });
    expect(clientSide.comments.map((c) => [c.body, c.earlier])).toEqual([
      ["What the old coach said about the father", true],
      ["My reply to the old coach", true],
      ["Thank you for sharing this with me", false],
    ]);
  });

  it("a new exercise after the handover is shared with the new coach only", async () => {
    const { client, notStarted } = await clientWithHistory();
    await callers.admin.handover.handOver({ fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id] });
    await answerSample(client.caller, notStarted);
    await client.caller.assignments.submit({ assignmentId: notStarted });
    await client.caller.answers.setSharing({ assignmentId: notStarted, coachId: ids.otherCoach, shares: [{ promptId: "word", shared: true }] });
    expect((await callers.otherCoach.inbox.list({ limit: 100 })).items.filter((i) => i.clientId === client.id)).toHaveLength(1);
    expect((await callers.coach.inbox.list({ limit: 100 })).items.filter((i) => i.clientId === client.id)).toEqual([]);
  });

  it("'all' moves every client of a departing coach", async () => {
    const departing = await addUser(db, ids.practiceA, "coach", "Dana Departing", `dana-${crypto.randomUUID()}@a.test`);
    const clientIds = [
      await addUser(db, ids.practiceA, "client", "One", `one-${crypto.randomUUID()}@a.test`),
      await addUser(db, ids.practiceA, "client", "Two", `two-${crypto.randomUUID()}@a.test`),
    ];
    await db.insert(coachClients).values(clientIds.map((clientId) => ({ practiceId: ids.practiceA, coachId: departing, clientId })));
    const result = await callers.admin.handover.handOver({ fromCoachId: departing, toCoachId: ids.otherCoach, clients: "all" });
    expect(result.clientIds.sort()).toEqual([...clientIds].sort());
    expect(await db.select().from(coachClients).where(eq(coachClients.coachId, departing))).toEqual([]);
    const linked = await db.select().from(coachClients).where(and(eq(coachClients.coachId, ids.otherCoach), inArray(coachClients.clientId, clientIds)));
    expect(linked).toHaveLength(2);
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const { client } = await clientWithHistory();
    const before = await tableFingerprint(db, touched);
    const attempts = {
      sameCoach: { fromCoachId: ids.coach, toCoachId: ids.coach, clients: [client.id] },
      coachOfOtherPractice: { fromCoachId: ids.coach, toCoachId: ids.coachB, clients: [client.id] },
      aClientAsCoach: { fromCoachId: ids.coach, toCoachId: ids.client2, clients: [client.id] },
      notTheirClient: { fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [ids.otherClient] },
      clientOfOtherPractice: { fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [ids.clientB] },
      noClients: { fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [] },
      extraField: { fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id], note: "hi" },
    };
    const results: Record<string, string> = {};
    for (const [name, input] of Object.entries(attempts)) {
      results[name] = await outcome(callers.admin.handover.handOver(input as never));
    }
    expect(results).toEqual({
      sameCoach: "BAD_REQUEST",
      coachOfOtherPractice: "NOT_FOUND",
      aClientAsCoach: "NOT_FOUND",
      notTheirClient: "NOT_FOUND",
      clientOfOtherPractice: "NOT_FOUND",
      noClients: "BAD_REQUEST",
      extraField: "BAD_REQUEST",
    });
    expect(await tableFingerprint(db, touched)).toBe(before);
  });

  it("only this practice's admin may hand over: the other admin finds nothing, coaches and clients are refused", async () => {
    const { client } = await clientWithHistory();
    const before = await tableFingerprint(db, touched);
    const input = { fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id] };
    expect(await outcome(callers.adminB.handover.handOver(input))).toBe("NOT_FOUND");
    expect(await outcome(callers.coach.handover.handOver(input))).toBe("FORBIDDEN");
    expect(await outcome(client.caller.handover.handOver(input))).toBe("FORBIDDEN");
    expect(await outcome(callers.coach.handover.coaches())).toBe("FORBIDDEN");
    expect(await tableFingerprint(db, touched)).toBe(before);
    const other = await callers.adminB.handover.coaches();
    expect(JSON.stringify(other)).not.toContain(client.id);
  });
});

describe.skipIf(!onPostgresServer())("a handover racing shares and saves (Postgres, several connections)", () => {
  it("never leaves an answer shared with the new coach, nor one pointing at the wrong coach", async () => {
    for (let round = 0; round < 12; round++) {
      const client = await freshClient();
      const { assignmentId: submitted } = await submittedAndShared(callers.coach, client.caller, { exerciseId: exercise.exerciseId, clientId: client.id, share: [] });
      const {
        assignmentIds: [open],
      } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [client.id] });
      const [tabOne, tabTwo] = [await callerFor(db, (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, client.id) }))!.email), client.caller];
      await Promise.all([
        // This tab's page still names the old coach, so after the handover its share is refused.
        outcome(
          tabOne.answers.setSharing({
            assignmentId: submitted,
            coachId: ids.coach,
            shares: [
              { promptId: "word", shared: true },
              { promptId: "calm", shared: true },
            ],
          }),
        ),
        outcome(tabTwo.answers.save({ assignmentId: open!, promptId: "reflection", value: text("racing"), baseVersion: 0, saveId: crypto.randomUUID() })),
        callers.admin.handover.handOver({ fromCoachId: ids.coach, toCoachId: ids.otherCoach, clients: [client.id] }),
      ]);
      const rows = await db
        .select({ shared: answers.shared, coachId: answers.coachId, assignmentCoach: assignments.coachId })
        .from(answers)
        .innerJoin(assignments, eq(assignments.id, answers.assignmentId))
        .where(eq(answers.clientId, client.id));
      // Nothing shared at all: a share before the handover was undone by it; one after it named the old coach and was refused.
      expect(rows.filter((r) => r.shared)).toEqual([]);
      expect(rows.filter((r) => r.coachId !== r.assignmentCoach)).toEqual([]);
    }
  });
});
