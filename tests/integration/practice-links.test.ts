import { beforeAll, describe, expect, it } from "vitest";
import { accountTokens, invitations } from "@/db/schema";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { hashAccountToken, newAccountToken } from "@/server/services/account/tokens";
import { hashInvitationToken, INVITATION_LIFETIME_MS, newInvitationToken } from "@/server/services/invitations/tokens";
import { deliverDueEmails } from "@/server/services/mail/deliver";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { memoryTransport } from "../helpers/mail";
import { outcome } from "../helpers/outcomes";
import { namesPractice, statementRecorder, touching } from "../helpers/statements";
import { useTestDatabase } from "../helpers/test-db";
import { addUser, buildWorld, TEST_PASSWORD, testLimits } from "../helpers/world";

const recorder = statementRecorder();
const handle = await useTestDatabase({ onQuery: recorder.onQuery });
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;
let counter = 0;

beforeAll(async () => {
  world = await buildWorld(db);
});

const anonymous = () => createCaller(createContext({ db, session: null, client: { address: `198.51.100.${++counter}`, userAgent: "test" } }));
const NEW_PASSWORD = "moss on the northern stones";

/** The token in the link last emailed to this address under this path. */
async function linkSentTo(to: string, path: string): Promise<string> {
  const transport = memoryTransport();
  await deliverDueEmails(db, { transport });
  const text = transport.sent.filter((e) => e.to === to).at(-1)!.text;
  return new RegExp(`${path}/([A-Za-z0-9_.-]+)`).exec(text)![1]!;
}

/** Swaps the practice a new-format token names. */
const namingPractice = (token: string, practiceId: string) => `${practiceId}.${token.split(".")[1]}`;

describe("password reset links name the practice", () => {
  it("carries the practice, and every statement the link's use sends about the token names it", async () => {
    const email = `reset.${++counter}@b.test`;
    await addUser(db, world.ids.practiceB, "client", "Remy Reset", email);
    await anonymous().account.requestPasswordReset({ email });
    const token = await linkSentTo(email, "/reset-password");
    expect(token.startsWith(`${world.ids.practiceB}.`)).toBe(true);

    // Another practice's id with the right secret finds nothing.
    expect(await outcome(anonymous().account.resetLinkStatus({ token: namingPractice(token, world.ids.practiceA) }))).toBe("NOT_FOUND");

    const { statements } = await recorder.during(() => anonymous().account.resetPassword({ token, password: NEW_PASSWORD }));
    // The lookups by the link (token_hash); what follows once the link is claimed is decision 0030's group 2.
    const onTokens = touching(statements, "account_tokens").filter((s) => s.includes('"token_hash"'));
    expect(onTokens.length).toBeGreaterThan(1);
    expect(onTokens.filter((s) => !namesPractice(s))).toEqual([]);
    expect(await signInWithPassword(db, { email, password: NEW_PASSWORD }, testLimits)).not.toBeNull();
  });

  it("still opens a link sent before the practice was carried (the secret alone)", async () => {
    const email = `oldlink.${++counter}@a.test`;
    const userId = await addUser(db, world.ids.practiceA, "client", "Olli Oldlink", email);
    const secret = newAccountToken();
    await db.insert(accountTokens).values({
      userId,
      practiceId: world.ids.practiceA,
      purpose: "password_reset",
      tokenHash: hashAccountToken(secret),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(await anonymous().account.resetLinkStatus({ token: secret })).toEqual({ usable: true });
    expect(await anonymous().account.resetPassword({ token: secret, password: NEW_PASSWORD })).toEqual({ email });
  });

  it("refuses a malformed link before any lookup", async () => {
    for (const token of [`${world.ids.practiceA}..abc`, "not a link at all, with spaces", `${world.ids.practiceA}/x.${"a".repeat(43)}`]) {
      expect(await outcome(anonymous().account.resetLinkStatus({ token }))).toBe("BAD_REQUEST");
    }
  });
});

describe("email change links name the practice", () => {
  it("carries the practice; the wrong practice finds nothing; the right one confirms", async () => {
    const email = `changer.${++counter}@a.test`;
    await addUser(db, world.ids.practiceA, "client", "Cass Changer", email);
    const signedIn = await signInWithPassword(db, { email, password: TEST_PASSWORD }, testLimits);
    const me = createCaller(createContext({ db, session: await resolveSession(db, signedIn!.sessionId, testLimits) }));
    const newEmail = `changed.${counter}@a.test`;
    await me.account.requestEmailChange({ newEmail, currentPassword: TEST_PASSWORD });
    const token = await linkSentTo(newEmail, "/confirm-email");
    expect(token.startsWith(`${world.ids.practiceA}.`)).toBe(true);
    expect(await outcome(anonymous().account.confirmEmailChange({ token: namingPractice(token, world.ids.practiceB) }))).toBe("NOT_FOUND");
    const { result, statements } = await recorder.during(() => anonymous().account.confirmEmailChange({ token }));
    expect(result).toEqual({ email: newEmail });
    const lookups = touching(statements, "account_tokens").filter((s) => s.includes('"token_hash"'));
    expect(lookups).toHaveLength(1);
    expect(lookups.every(namesPractice)).toBe(true);
  });
});

describe("invitation links name the practice", () => {
  it("carries the practice; previewing and accepting look the invitation up within it", async () => {
    const admin = createCaller(
      createContext({
        db,
        session: await resolveSession(db, (await signInWithPassword(db, { email: "admin@b.test", password: TEST_PASSWORD }, testLimits))!.sessionId, testLimits),
      }),
    );
    const email = `invitee.${++counter}@b.test`;
    await admin.invitations.create({ email, role: "client" });
    const token = await linkSentTo(email, "/invite");
    expect(token.startsWith(`${world.ids.practiceB}.`)).toBe(true);
    expect(await outcome(anonymous().invitations.preview({ token: namingPractice(token, world.ids.practiceA) }))).toBe("NOT_FOUND");

    const preview = await recorder.during(() => anonymous().invitations.preview({ token }));
    expect(preview.result).toMatchObject({ email });
    const accept = await recorder.during(() => anonymous().invitations.accept({ token, name: "Ivy Invitee", password: NEW_PASSWORD }));
    const onInvitations = [...touching(preview.statements, "invitations"), ...touching(accept.statements, "invitations")].filter((s) =>
      s.includes('"token_hash"'),
    );
    expect(onInvitations.length).toBeGreaterThan(1);
    expect(onInvitations.filter((s) => !namesPractice(s))).toEqual([]);
  });

  it("still accepts an invitation link sent before the practice was carried", async () => {
    const secret = newInvitationToken();
    const email = `oldinvite.${++counter}@a.test`;
    await db.insert(invitations).values({
      practiceId: world.ids.practiceA,
      email,
      role: "client",
      invitedById: world.ids.coach,
      tokenHash: hashInvitationToken(secret),
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    });
    expect(await anonymous().invitations.preview({ token: secret })).toMatchObject({ email });
    expect(await anonymous().invitations.accept({ token: secret, name: "Old Link", password: NEW_PASSWORD })).toMatchObject({ email });
  });

  it("refuses a malformed invitation link", async () => {
    expect(await outcome(anonymous().invitations.preview({ token: `nope.${"a".repeat(43)}` }))).toBe("BAD_REQUEST");
  });
});
