import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, clientNotes, coachClients, outboxEmails, users, userSessions } from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { LINK_REMOVED, stripLinks } from "@/lib/account/strip-links";
import { FORMER_CLIENT_NAME } from "@/lib/account/former-client";
import { outcome } from "../helpers/outcomes";
import { submittedAndShared, text } from "../helpers/loop";
import { tokenFromEmail } from "../helpers/mail";
import { useLoopWorld } from "../helpers/use-world";
import { anonymousCaller, callerFor, TEST_PASSWORD } from "../helpers/world";

const { db, world, callers, exercise } = await useLoopWorld();
const { ids } = world;

let counter = 0;
/** A client invited by coach A (so an invitation and its email exist), signed in, with unique marker texts. */
async function invitedClient() {
  const tag = `qx${++counter}${Math.random().toString(36).slice(2, 8)}`;
  const marker = { name: `Zephyrine Quill${tag}`, email: `zephyrine.${tag}@a.test`, answer: `ANSWER-${tag}`, reply: `REPLY-${tag}`, coachComment: `COACHCOMMENT-${tag}` };
  await callers.coach.invitations.create({ email: marker.email, role: "client", name: marker.name });
  const [mail] = await db.select({ textBody: outboxEmails.textBody }).from(outboxEmails).where(eq(outboxEmails.toAddress, marker.email));
  await anonymousCaller(db).invitations.accept({ token: tokenFromEmail(mail!.textBody), name: marker.name, password: TEST_PASSWORD });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, marker.email));
  const client = await callerFor(db, marker.email);
  const words = { reflection: marker.answer, word: "steady", calm: 6 };
  const shared = await submittedAndShared(callers.coach, client, { exerciseId: exercise.exerciseId, clientId: row!.id, share: ["reflection", "calm"], words });
  const privateOne = await submittedAndShared(callers.coach, client, { exerciseId: exercise.exerciseId, clientId: row!.id, share: [], words: { ...words, reflection: `${marker.answer} private` } });
  await client.answers.setSharing({ assignmentId: shared.assignmentId, coachId: world.ids.coach, shares: [{ promptId: "calm", shared: false }] });
  await callers.coach.assignments.recordView({ assignmentId: shared.assignmentId });
  await callers.coach.feedback.comment({ answerId: shared.saved.reflection.answerId, body: marker.coachComment });
  await client.feedback.comment({ answerId: shared.saved.reflection.answerId, body: marker.reply });
  return { id: row!.id, marker, client, shared, privateOne };
}

/** PGlite answers { rows }, postgres.js an array. */
const rowsOf = <T,>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** Every text-like column of every table, cast to text, searched for the marker. */
async function whereMarkerRemains(marker: string): Promise<string[]> {
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
     where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`);
  const rows = rowsOf<{ table_name: string; column_name: string }>(columns);
  const found: string[] = [];
  for (const c of rows) {
    const hits = await db.execute(
      sql`select 1 from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)}::text ilike ${`%${marker}%`} limit 1`,
    );
    const list = rowsOf(hits);
    if (list.length > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe("clientData.export", () => {
  it("takes every link out of an email's text", () => {
    expect(stripLinks("Open https://hearth.test/invite/abc?x=1 or www.example.com/a, then http://x.y.")).toBe(
      `Open ${LINK_REMOVED} or ${LINK_REMOVED} then ${LINK_REMOVED}`,
    );
  });

  it("gives the client everything about them, in the documented shape, and writes nothing", async () => {
    const { marker, client, shared } = await invitedClient();
    const before = await db.select().from(auditEvents);
    const data = await client.clientData.export();
    expect(await db.select().from(auditEvents)).toHaveLength(before.length);
    expect(data).toMatchObject({ format: "hearth-export", version: 1, profile: { name: marker.name, email: marker.email, practice: "Practice A" } });
    expect(data.assignments).toHaveLength(2);
    const first = data.assignments.find((a) => a.id === shared.assignmentId)!;
    expect(first.exercise).toMatchObject({ title: exercise.title, version: 1 });
    expect(first.exercise.article.body.length).toBeGreaterThan(0);
    expect(first.answers.find((a) => a.promptId === "reflection")).toMatchObject({ value: text(marker.answer), shared: true });
    expect(first.comments.map((c) => [c.body, c.byMe])).toEqual([
      [marker.coachComment, false],
      [marker.reply, true],
    ]);
    // Private answers are theirs too.
    expect(data.assignments.flatMap((a) => a.answers).filter((a) => !a.shared).length).toBeGreaterThan(0);
    // Both shared in one change (the same instant, so in either order), then one of them unshared.
    const history = data.sharingHistory.map((h) => `${h.action} ${h.promptId}`);
    expect(history.slice(0, 2).sort()).toEqual(["shared calm", "shared reflection"]);
    expect(history.slice(2)).toEqual(["unshared calm"]);
    expect(data.accessLog).toEqual([expect.objectContaining({ viewer: "Casey Coach", answerId: shared.saved.reflection.answerId, promptId: "reflection" })]);
    // The invitation email, without its single-use link.
    expect(data.emails).toHaveLength(1);
    expect(data.emails[0]!.body).not.toMatch(/https?:\/\//);
    expect(JSON.stringify(data)).not.toContain("/invite/");
  });

  it("is the caller's own data only: another client sees theirs, coaches and admins are turned away", async () => {
    const { marker } = await invitedClient();
    const other = await callers.client2.clientData.export();
    expect(JSON.stringify(other)).not.toContain(marker.answer);
    expect(other.profile.email).toBe("client2@a.test");
    for (const who of ["coach", "admin", "adminB"] as const) expect(await outcome(callers[who].clientData.export())).toBe("FORBIDDEN");
    expect(await outcome(anonymousCaller(db).clientData.export())).toBe("UNAUTHORIZED");
  });

  it("records each export with its format; a bad format is refused and records nothing", async () => {
    const { id, client } = await invitedClient();
    await client.clientData.recordExport({ format: "html" });
    await client.clientData.recordExport({ format: "json" });
    expect(await outcome(client.clientData.recordExport({ format: "pdf" } as never))).toBe("BAD_REQUEST");
    expect(await outcome(client.clientData.recordExport({ format: "json", extra: 1 } as never))).toBe("BAD_REQUEST");
    expect(await outcome(callers.coach.clientData.recordExport({ format: "json" }))).toBe("FORBIDDEN");
    const rows = await db
      .select({ metadata: auditEvents.metadata, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "data.exported"), eq(auditEvents.subjectUserId, id)));
    expect(rows.map((r) => r.metadata.format).sort()).toEqual(["html", "json"]);
    expect(rows.every((r) => r.actorId === id)).toBe(true);
  });
});

describe("clientData.deleteMine", () => {
  it("erases everything the client wrote and everything naming them, anywhere in the database", async () => {
    const { id, marker, client } = await invitedClient();
    await callers.coach.notes.create({ clientId: id, body: "Prefers morning sessions." });
    // Details other parts of Hearth might keep: an audit row naming them, an email to their coach naming them.
    await recordAudit(db, { practiceId: ids.practiceA, actorId: ids.coach, action: "user.disabled", subjectUserId: id, metadata: { clientName: marker.name, keep: "kept" } });
    await recordAudit(db, { practiceId: ids.practiceA, actorId: ids.admin, action: "invitation.created", metadata: { email: marker.email.toUpperCase() } });
    await db.insert(outboxEmails).values({ practiceId: ids.practiceA, toAddress: "coach@a.test", subject: `${marker.name} shared an answer`, textBody: `Hello, ${marker.name} shared.` });
    for (const m of Object.values(marker)) expect((await whereMarkerRemains(m)).length).toBeGreaterThan(0);

    await client.clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "Delete my account" });

    for (const m of Object.values(marker)) expect(await whereMarkerRemains(m), m).toEqual([]);
    const [tombstone] = await db.select().from(users).where(eq(users.id, id));
    expect(tombstone).toMatchObject({ name: FORMER_CLIENT_NAME });
    expect(tombstone!.deletedAt).not.toBeNull();
    // Audit rows keep their ids and what doesn't name the person.
    const kept = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, id), eq(auditEvents.action, "user.disabled")));
    expect(kept[0]!.metadata).toEqual({ keep: "kept" });
    const deleted = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, id), eq(auditEvents.action, "client.deleted")));
    expect(deleted).toEqual([expect.objectContaining({ actorId: id, metadata: { by: "client" } })]);
    // Their sessions are gone, and the address signs in no more.
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, id))).toEqual([]);
    await expect(callerFor(db, marker.email)).rejects.toThrow();
  });

  it("leaves the coach their private notes, under “Former client”, and nothing else of the client", async () => {
    const { id, client } = await invitedClient();
    await callers.coach.notes.create({ clientId: id, body: "Prefers morning sessions." });
    await client.clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "delete my account" });
    const seen = await callers.coach.clients.get({ clientId: id });
    expect(seen).toMatchObject({ name: FORMER_CLIENT_NAME, former: true, disabled: true });
    const notes = await callers.coach.notes.list({ clientId: id, limit: 20 });
    expect(notes.items.map((n) => n.body)).toEqual(["Prefers morning sessions."]);
    expect((await callers.coach.assignments.listForCoach({ clientId: id, limit: 20 })).items).toEqual([]);
    expect((await callers.coach.inbox.list({ limit: 50 })).items.some((i) => JSON.stringify(i).includes(id))).toBe(false);
    // Nothing new reaches a former client.
    expect(await outcome(callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [id] }))).toBe("NOT_FOUND");
    // An admin can't bring the account back.
    expect(await outcome(callers.admin.users.setDisabled({ userId: id, disabled: false }))).toBe("NOT_FOUND");
    expect(await db.select().from(clientNotes).where(eq(clientNotes.clientId, id))).toHaveLength(1);
    expect(await db.select().from(coachClients).where(eq(coachClients.clientId, id))).toHaveLength(1);
  });

  it("frees the address: the same email can be invited again and signs up afresh", async () => {
    const { marker, client } = await invitedClient();
    await client.clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "delete my account" });
    await callers.coach.invitations.create({ email: marker.email, role: "client" });
    const [mail] = await db.select({ textBody: outboxEmails.textBody }).from(outboxEmails).where(eq(outboxEmails.toAddress, marker.email));
    const accepted = await anonymousCaller(db).invitations.accept({ token: tokenFromEmail(mail!.textBody), name: "Zephyrine Again", password: TEST_PASSWORD });
    expect(accepted).toBeTruthy();
    const again = await callerFor(db, marker.email);
    const data = await again.clientData.export();
    expect(data.assignments).toEqual([]);
  });

  it("refuses a wrong password or a missing confirmation, and nothing changes", async () => {
    const { id, marker, client } = await invitedClient();
    const count = async () => (await whereMarkerRemains(marker.answer)).length + (await whereMarkerRemains(marker.name)).length;
    const before = await count();
    expect(await outcome(client.clientData.deleteMine({ password: "not my password", confirmation: "delete my account" }))).toBe("BAD_REQUEST");
    expect(await outcome(client.clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "yes" }))).toBe("BAD_REQUEST");
    expect(await outcome(client.clientData.deleteMine({ password: "", confirmation: "delete my account" }))).toBe("BAD_REQUEST");
    expect(await outcome(client.clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "delete my account", clientId: id } as never))).toBe("BAD_REQUEST");
    expect(await count()).toBe(before);
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.deletedAt).toBeNull();
    expect((await client.clientData.export()).profile.name).toBe(marker.name);
  });

  it("is for clients only", async () => {
    for (const who of ["coach", "admin", "adminB"] as const) {
      expect(await outcome(callers[who].clientData.deleteMine({ password: TEST_PASSWORD, confirmation: "delete my account" }))).toBe("FORBIDDEN");
    }
  });
});

describe("clientData.deleteClient (an admin, on the client's request)", () => {
  it("runs the same deletion, confirmed with the admin's own password, audited as the admin's", async () => {
    const { id, marker } = await invitedClient();
    expect(await outcome(callers.admin.clientData.deleteClient({ clientId: id, password: "not the admin's password" }))).toBe("BAD_REQUEST");
    expect((await whereMarkerRemains(marker.answer)).length).toBeGreaterThan(0);
    await callers.admin.clientData.deleteClient({ clientId: id, password: TEST_PASSWORD });
    for (const m of Object.values(marker)) expect(await whereMarkerRemains(m), m).toEqual([]);
    const deleted = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, id), eq(auditEvents.action, "client.deleted")));
    expect(deleted).toEqual([expect.objectContaining({ actorId: ids.admin, metadata: { by: "admin" } })]);
    // Already deleted: there is no such client any more.
    expect(await outcome(callers.admin.clientData.deleteClient({ clientId: id, password: TEST_PASSWORD }))).toBe("NOT_FOUND");
  });

  it("is NOT_FOUND for another practice's admin and for anyone who isn't a client; coaches and clients are turned away", async () => {
    const { id, marker } = await invitedClient();
    expect(await outcome(callers.adminB.clientData.deleteClient({ clientId: id, password: TEST_PASSWORD }))).toBe("NOT_FOUND");
    expect(await outcome(callers.admin.clientData.deleteClient({ clientId: ids.coach, password: TEST_PASSWORD }))).toBe("NOT_FOUND");
    expect(await outcome(callers.admin.clientData.deleteClient({ clientId: ids.clientB, password: TEST_PASSWORD }))).toBe("NOT_FOUND");
    expect(await outcome(callers.coach.clientData.deleteClient({ clientId: id, password: TEST_PASSWORD }))).toBe("FORBIDDEN");
    expect(await outcome(callers.client.clientData.deleteClient({ clientId: id, password: TEST_PASSWORD }))).toBe("FORBIDDEN");
    expect(await outcome(callers.admin.clientData.deleteClient({ clientId: "not-a-uuid", password: TEST_PASSWORD }))).toBe("BAD_REQUEST");
    expect((await whereMarkerRemains(marker.answer)).length).toBeGreaterThan(0);
    expect((await db.select().from(users).where(eq(users.id, ids.clientB)))[0]!.deletedAt).toBeNull();
  });
});

describe("the audit log's one exception", () => {
  it("still refuses every update and delete outside the scrub, and inside it anything but dropping metadata keys", async () => {
    const [row] = await db.select().from(auditEvents).limit(1);
    await expect(db.update(auditEvents).set({ metadata: {} }).where(eq(auditEvents.id, row!.id))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, row!.id))).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hearth.audit_scrub', 'x', true)`);
        await tx.update(auditEvents).set({ action: "auth.sign_in" }).where(eq(auditEvents.id, row!.id));
      }),
    ).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hearth.audit_scrub', 'x', true)`);
        await tx.update(auditEvents).set({ metadata: sql`${auditEvents.metadata} || '{"added": true}'::jsonb` }).where(eq(auditEvents.id, row!.id));
      }),
    ).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hearth.audit_scrub', 'x', true)`);
        await tx.delete(auditEvents).where(eq(auditEvents.id, row!.id));
      }),
    ).rejects.toThrow();
    const [after] = await db.select().from(auditEvents).where(eq(auditEvents.id, row!.id));
    expect(after).toEqual(row);
  });
});
