import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails } from "@/db/schema";
import { env } from "@/server/env";
import { MAX_ATTEMPTS, retryDelayMs } from "@/server/services/mail/backoff";
import { CLAIM_LEASE_MS, deliverDueEmails } from "@/server/services/mail/deliver";
import { createFileTransport, mailboxFileName, readMailboxFileBody } from "@/server/services/mail/file-transport";
import { enqueueEmail } from "@/server/services/mail/outbox";
import { createSmtpTransport } from "@/server/services/mail/smtp-transport";
import type { MailTransport, OutgoingEmail } from "@/server/services/mail/transport";
import { failingTransport, memoryTransport } from "../helpers/mail";
import { onPostgresServer, useTestDatabase } from "../helpers/test-db";
import { anonymousCaller, buildWorld, callerFor } from "../helpers/world";

const handle = await useTestDatabase();
const db = handle.db;
const tmpDirs: string[] = [];
const createdMailboxFiles: string[] = [];

afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
  for (const file of createdMailboxFiles) fs.rmSync(file, { force: true });
});

const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

async function queue(subject: string, now: Date, extra: { redactedText?: string } = {}) {
  return db.transaction((tx) => enqueueEmail(tx, { practiceId: null, to: `${subject.replace(/\W+/g, "-")}@example.test`, subject, text: `Body of ${subject}`, ...extra }, now));
}
const row = async (id: string) => (await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0]!;

/** Delivery in these tests only ever sees the emails due at `now`, so each test uses its own far-apart time. */
describe("deliverDueEmails", () => {
  it("sends a due email once and records it", async () => {
    const now = at("2031-01-01T09:00:00Z");
    const id = await queue("Welcome", now);
    const transport = memoryTransport();
    expect(await deliverDueEmails(db, { transport, now: () => now, from: "Hearth <test@hearth.local>" })).toEqual({ sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    expect(transport.sent).toEqual([
      { id, from: "Hearth <test@hearth.local>", to: "Welcome@example.test", subject: "Welcome", text: "Body of Welcome", createdAt: now },
    ]);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt: now });
    // Nothing is sent twice.
    expect(await deliverDueEmails(db, { transport, now: () => plus(now, 3_600_000) })).toEqual({ sent: 0, retrying: 0, failed: 0, withdrawn: 0 });
    expect(transport.sent).toHaveLength(1);
  });

  it("keeps a failed email pending with its error, retries with growing waits, then sends it", async () => {
    const now = at("2032-01-01T09:00:00Z");
    const id = await queue("Retry me", now);
    const down = failingTransport("Mail server said no");
    expect(await deliverDueEmails(db, { transport: down, now: () => now })).toEqual({ sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "Mail server said no", nextAttemptAt: plus(now, 30_000) });

    // Not due yet: left alone.
    await deliverDueEmails(db, { transport: down, now: () => plus(now, 29_000) });
    expect(down.calls).toBe(1);

    const second = plus(now, 30_000);
    await deliverDueEmails(db, { transport: down, now: () => second });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: plus(second, 60_000) });

    const up = memoryTransport();
    expect(await deliverDueEmails(db, { transport: up, now: () => plus(second, 60_000) })).toEqual({ sent: 1, retrying: 0, failed: 0, withdrawn: 0 });
    expect(up.sent.map((e) => e.id)).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("marks an email failed after the last attempt, and keeps it", async () => {
    const now = at("2033-01-01T09:00:00Z");
    const id = await queue("Hopeless", now);
    await db.update(outboxEmails).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(outboxEmails.id, id));
    expect(await deliverDueEmails(db, { transport: failingTransport(), now: () => now })).toEqual({ sent: 0, retrying: 0, failed: 1, withdrawn: 0 });
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, textBody: "Body of Hopeless" });
    const later = memoryTransport();
    await deliverDueEmails(db, { transport: later, now: () => plus(now, 30 * 86_400_000) });
    expect(later.sent.map((e) => e.id)).not.toContain(id);
  });

  it("backs off exponentially up to a ceiling", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });

  it("drops a single-use link from the stored text once sent, and keeps it while the email waits", async () => {
    const now = at("2034-01-01T09:00:00Z");
    const id = await db.transaction((tx) =>
      enqueueEmail(tx, { practiceId: null, to: "secret@example.test", subject: "Link", text: "Open https://x.test/invite/SECRET", redactedText: "Open (link removed)" }, now),
    );
    await deliverDueEmails(db, { transport: failingTransport(), now: () => now });
    expect(await row(id)).toMatchObject({ status: "pending", textBody: "Open https://x.test/invite/SECRET" });
    const transport = memoryTransport();
    await deliverDueEmails(db, { transport, now: () => plus(now, 60_000) });
    expect(transport.sent[0]!.text).toBe("Open https://x.test/invite/SECRET");
    expect(await row(id)).toMatchObject({ status: "sent", textBody: "Open (link removed)", redactedTextBody: null });
  });

  it("never lets a second sender take an email another sender has claimed", async () => {
    const now = at("2035-01-01T09:00:00Z");
    const id = await queue("Claimed", now);
    const second = memoryTransport();
    let secondReport: unknown;
    // While the first sender is in the middle of sending, a second one looks for due emails.
    const first: MailTransport = {
      name: "first",
      async send() {
        secondReport = await deliverDueEmails(db, { transport: second, now: () => now });
      },
    };
    await deliverDueEmails(db, { transport: first, now: () => now });
    expect(secondReport).toEqual({ sent: 0, retrying: 0, failed: 0, withdrawn: 0 });
    expect(second.sent).toHaveLength(0);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("takes an email back once a crashed sender's claim has lapsed", async () => {
    const now = at("2036-01-01T09:00:00Z");
    const id = await queue("Crashed", now);
    const crashed: MailTransport = {
      name: "crashed",
      // Simulates a process that dies mid-send: the outcome is never recorded.
      send: () => new Promise<void>(() => {}),
    };
    void deliverDueEmails(db, { transport: crashed, now: () => now });
    await expect.poll(async () => (await row(id)).nextAttemptAt.getTime()).toBe(now.getTime() + CLAIM_LEASE_MS);
    const rescue = memoryTransport();
    await deliverDueEmails(db, { transport: rescue, now: () => plus(now, CLAIM_LEASE_MS - 1) });
    expect(rescue.sent).toHaveLength(0);
    await deliverDueEmails(db, { transport: rescue, now: () => plus(now, CLAIM_LEASE_MS) });
    expect(rescue.sent.map((e) => e.id)).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: "sent" });
  });

  describe.skipIf(!onPostgresServer())("two app instances at once (Postgres)", () => {
    it("sends each email exactly once when two senders run at the same moment", async () => {
      const now = at("2037-01-01T09:00:00Z");
      const ids: string[] = [];
      for (let i = 0; i < 12; i += 1) ids.push(await queue(`Parallel ${i}`, now));
      const sent: OutgoingEmail[] = [];
      const slow = (): MailTransport => ({
        name: "slow",
        async send(email) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          sent.push(email);
        },
      });
      const reports = await Promise.all([
        deliverDueEmails(db, { transport: slow(), now: () => now, batchSize: 3 }),
        deliverDueEmails(db, { transport: slow(), now: () => now, batchSize: 3 }),
      ]);
      expect(reports[0]!.sent + reports[1]!.sent).toBe(12);
      expect(reports[0]!.sent).toBeGreaterThan(0);
      expect(reports[1]!.sent).toBeGreaterThan(0);
      expect(sent.map((e) => e.id).sort()).toEqual([...ids].sort());
    });
  });
});

describe("transports", () => {
  it("writes the development mailbox as plain text files, one per email", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-mailbox-"));
    tmpDirs.push(dir);
    const email: OutgoingEmail = {
      id: "5b1c3c4e-4f7a-4d59-9a51-0c7f5f0f3a11",
      from: "Hearth <no-reply@hearth.local>",
      to: "someone@example.test",
      subject: "Hello",
      text: "First line\n\nSecond paragraph",
      createdAt: at("2030-05-06T07:08:09.010Z"),
    };
    await createFileTransport(dir).send(email);
    // Sending the same email again rewrites the same file.
    await createFileTransport(dir).send(email);
    expect(fs.readdirSync(dir)).toEqual(["2030-05-06T07-08-09-010Z-5b1c3c4e-4f7a-4d59-9a51-0c7f5f0f3a11.txt"]);
    const content = fs.readFileSync(path.join(dir, mailboxFileName(email)), "utf8");
    expect(content).toContain("To: someone@example.test\nSubject: Hello\n");
    expect(await readMailboxFileBody(dir, email)).toBe("First line\n\nSecond paragraph");
    expect(await readMailboxFileBody(dir, { ...email, id: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });

  it("reports an SMTP failure as an error, so the email stays queued", async () => {
    // A local port with nobody listening: no network involved.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const now = at("2038-01-01T09:00:00Z");
    const id = await queue("Over SMTP", now);
    const report = await deliverDueEmails(db, { transport: createSmtpTransport(`smtp://127.0.0.1:${port}`), now: () => now });
    expect(report).toEqual({ sent: 0, retrying: 1, failed: 0, withdrawn: 0 });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
  });
});

describe("mailbox.list (development mailbox)", () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    world = await buildWorld(db);
  });

  it("shows an admin their practice's latest emails newest first, with a sent email's full text from its file", async () => {
    const now = new Date();
    const enqueue = (practiceId: string | null, to: string) =>
      db.transaction((tx) =>
        enqueueEmail(tx, { practiceId, to, subject: "Dev mailbox", text: "Full https://x.test/invite/TOKEN", redactedText: "Kept without link" }, now),
      );
    const id = await enqueue(world.ids.practiceA, "dev@example.test");
    const otherPractice = await enqueue(world.ids.practiceB, "b@example.test");
    const noPractice = await enqueue(null, "system@example.test");
    const fileTransport = createFileTransport(env.DEV_MAILBOX_DIR);
    const only: MailTransport = { name: "file", send: (email) => (email.id === id ? fileTransport.send(email) : Promise.resolve()) };
    createdMailboxFiles.push(path.join(env.DEV_MAILBOX_DIR, mailboxFileName({ id, createdAt: now })));
    await deliverDueEmails(db, { transport: only, now: () => now });
    expect(await row(id)).toMatchObject({ status: "sent", textBody: "Kept without link" });

    const admin = await callerFor(db, "admin@a.test");
    const { items } = await admin.mailbox.list({});
    expect(items.length).toBeLessThanOrEqual(50);
    const shown = items.find((i) => i.id === id);
    expect(shown).toMatchObject({ to: "dev@example.test", subject: "Dev mailbox", status: "sent", text: "Full https://x.test/invite/TOKEN" });
    // Another practice's emails, and emails of no practice, are not in it.
    expect(items.map((i) => i.id)).not.toContain(otherPractice);
    expect(items.map((i) => i.id)).not.toContain(noPractice);
    const times = items.map((i) => i.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await admin.mailbox.list()).toEqual({ items });
    expect((await admin.mailbox.list({ all: true } as never).catch((e: unknown) => e)) as object).toMatchObject({ code: "BAD_REQUEST" });
    // The other practice's admin sees theirs, not ours.
    const adminB = await (await callerFor(db, "admin@b.test")).mailbox.list({});
    expect(adminB.items.map((i) => i.id)).toContain(otherPractice);
    expect(adminB.items.map((i) => i.id)).not.toContain(id);
  });

  it("is for admins only: anyone else is refused", async () => {
    await expect(anonymousCaller(db).mailbox.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const email of ["coach@a.test", "client@a.test"]) {
      await expect((await callerFor(db, email)).mailbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("does not exist once an SMTP server is set up", async () => {
    const admin = await callerFor(db, "admin@a.test");
    const before = env.SMTP_URL;
    env.SMTP_URL = "smtp://mail.example.test:587";
    try {
      await expect(admin.mailbox.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      env.SMTP_URL = before;
    }
  });
});
