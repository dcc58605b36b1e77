import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { submittedAndShared } from "../helpers/loop";
import { outcome } from "../helpers/outcomes";
import { useLoopWorld } from "../helpers/use-world";
import { addUser } from "../helpers/world";

const { db, world, callers, exercise } = await useLoopWorld();
const { ids } = world;
const SECRET = "the thing I only told my journal";

type Caller = typeof callers.admin;
async function everything(caller: Caller, filter: Parameters<Caller["audit"]["list"]>[0]) {
  const all = [];
  let cursor = null;
  do {
    const page: Awaited<ReturnType<Caller["audit"]["list"]>> = await caller.audit.list({ ...filter, cursor, limit: 2 });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe("audit.list", () => {
  it("shows the practice's events with names and no reflection text", async () => {
    const { assignmentId } = await submittedAndShared(callers.coach, callers.client, {
      exerciseId: exercise.exerciseId,
      clientId: ids.client,
      share: ["reflection"],
      words: { reflection: SECRET, word: "quiet", calm: 4 },
    });
    await callers.coach.assignments.get({ assignmentId });
    await callers.coach.assignments.recordView({ assignmentId }).catch(() => undefined);
    const page = await callers.admin.audit.list({ personId: ids.client, limit: 100 });
    const actions = page.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.sign_in", "assignment.created", "assignment.submitted", "answer.shared"]));
    const shared = page.items.find((e) => e.action === "answer.shared")!;
    expect(shared).toMatchObject({ actor: { id: ids.client, name: "Cleo Client" }, subject: { id: ids.client, name: "Cleo Client" }, entityType: "answer" });
    expect(JSON.stringify(page)).not.toContain(SECRET);
    // Nor does the table itself hold it.
    const raw = await db.select().from(auditEvents);
    expect(JSON.stringify(raw)).not.toContain(SECRET);
  });

  it("filters by person (actor or subject), action, subject kind and dates", async () => {
    const byAction = await callers.admin.audit.list({ action: "assignment.created", limit: 100 });
    expect(byAction.items.length).toBeGreaterThan(0);
    expect(byAction.items.every((e) => e.action === "assignment.created")).toBe(true);
    const asActor = await callers.admin.audit.list({ personId: ids.coach, action: "assignment.created", limit: 100 });
    expect(asActor.items.every((e) => e.actor?.id === ids.coach)).toBe(true);
    const asSubject = await callers.admin.audit.list({ personId: ids.client, action: "assignment.created", limit: 100 });
    expect(asSubject.items.length).toBeGreaterThan(0);
    expect(asSubject.items.every((e) => e.subject?.id === ids.client)).toBe(true);
    const sessions = await callers.admin.audit.list({ subjectKind: "session", limit: 100 });
    expect(sessions.items.every((e) => e.entityType === "session")).toBe(true);
    expect(sessions.items.length).toBeGreaterThan(0);
    const future = await callers.admin.audit.list({ from: new Date("2199-01-01"), limit: 100 });
    expect(future.items).toEqual([]);
    const past = await callers.admin.audit.list({ until: new Date("2001-01-01"), limit: 100 });
    expect(past.items).toEqual([]);
  });

  it("pages through events at the same moment without losing or repeating one", async () => {
    const person = await addUser(db, ids.practiceA, "client", "Tia Ties", `ties-${crypto.randomUUID()}@a.test`);
    const at = new Date("2026-11-01T10:00:00.000Z");
    await db.insert(auditEvents).values(
      Array.from({ length: 5 }, () => ({ practiceId: ids.practiceA, actorId: person, subjectUserId: person, action: "auth.sign_in" as const, createdAt: at })),
    );
    const all = await everything(callers.admin, { personId: person });
    expect(all).toHaveLength(5);
    expect(new Set(all.map((e) => e.id)).size).toBe(5);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
  });

  it("another practice's admin sees none of it; coaches and clients are refused", async () => {
    const other = await callers.adminB.audit.list({ personId: ids.client, limit: 100 });
    expect(other.items).toEqual([]);
    const everythingB = await everything(callers.adminB, {});
    expect(everythingB.some((e) => e.actor?.id === ids.admin || e.subject?.id === ids.client)).toBe(false);
    for (const who of ["coach", "client", "coachB"] as const) {
      expect(await outcome(callers[who].audit.list({ limit: 10 }))).toBe("FORBIDDEN");
    }
  });

  it("refuses bad filters with a clear error", async () => {
    const bad = [
      { action: "answer.read", limit: 10 },
      { from: new Date("1900-01-01"), limit: 10 },
      { personId: "not-an-id", limit: 10 },
      { limit: 1000 },
      { subjectKind: "reflection", limit: 10 },
      { limit: 10, text: "x" },
    ];
    for (const input of bad) expect(await outcome(callers.admin.audit.list(input as never))).toBe("BAD_REQUEST");
  });

  it("records cancelled assignments and revoked invitations", async () => {
    const {
      assignmentIds: [assignmentId],
    } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [ids.client] });
    await callers.coach.assignments.cancel({ assignmentId: assignmentId! });
    await callers.coach.assignments.cancel({ assignmentId: assignmentId! });
    const cancelled = await callers.admin.audit.list({ action: "assignment.cancelled", limit: 100 });
    expect(cancelled.items.filter((e) => e.entityId === assignmentId)).toHaveLength(1);
    const invitation = await callers.coach.invitations.create({ email: `someone-${crypto.randomUUID()}@example.test`, role: "client" });
    await callers.coach.invitations.revoke({ id: invitation.id });
    const revoked = await callers.admin.audit.list({ action: "invitation.revoked", limit: 100 });
    expect(revoked.items.filter((e) => e.entityId === invitation.id)).toHaveLength(1);
  });
});
