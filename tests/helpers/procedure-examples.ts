import crypto from "node:crypto";
import { unsubscribeToken } from "@/server/services/preferences/unsubscribe-token";
import type { Database } from "@/db/client";
import { sql } from "drizzle-orm";
import { accountTokens, coachClients, handoverNotices, invitations, notifications, secondFactors, users } from "@/db/schema";
import { hashPassword } from "@/server/services/auth/password-hash";
import { hashAccountToken, newAccountToken } from "@/server/services/account/tokens";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { hashInvitationToken, INVITATION_LIFETIME_MS, newInvitationToken } from "@/server/services/invitations/tokens";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { articleInput, sampleBody } from "./content";
import { answerSample, submittedAndShared, text } from "./loop";
import { insertPublishedExercise, samplePrompts } from "./loop-content";
import type { MatrixActor } from "./authorization-matrix";
import { addUser, buildWorld, callerFor as signedInCaller, TEST_PASSWORD, testLimits, type Caller } from "./world";

/**
 * One valid input for every procedure of the app router, built from the test world's real rows.
 * The authorization matrix calls each example as every kind of caller; the fuzz test mutates them.
 *
 * An example is a function, called afresh for every call that needs one: examples whose success
 * uses something up (publishing a draft, cancelling an assignment, accepting an invitation)
 * make a fresh row each time, so every cell of the matrix starts from the same precondition.
 * The rows belong to client A (`client`) and coach A (`coach`) of practice A, so whether another
 * caller may reach them is what the matrix shows.
 */
type World = Awaited<ReturnType<typeof buildWorld>>;
export type ExampleContext = Awaited<ReturnType<typeof buildExampleContext>>;
export type Example = (x: ExampleContext) => Promise<unknown> | unknown;

/** A caller that resolves its session on every call, as the tRPC route does for each request. */
function requestCaller(db: Database, sessionId: string): Caller {
  return createCaller(async () => createContext({ db, session: await resolveSession(db, sessionId, testLimits) }));
}

/** A coach of practice A who signs in and is then disabled by the admin, keeping the session id. */
async function disabledCaller(db: Database, world: World, admin: Caller): Promise<Caller> {
  const userId = await addUser(db, world.ids.practiceA, "coach", "Dee Disabled", "disabled@a.test");
  const signedIn = await signInWithPassword(db, { email: "disabled@a.test", password: TEST_PASSWORD }, testLimits);
  if (!signedIn) throw new Error("The disabled user could not sign in before being disabled");
  await admin.users.setDisabled({ userId, disabled: true });
  // The first request after disabling ends the session (a write); from then on it is simply refused.
  if ((await resolveSession(db, signedIn.sessionId, testLimits)) !== null) throw new Error("A disabled user's session still resolves");
  return requestCaller(db, signedIn.sessionId);
}

/** Every matrix actor's caller, and the rows the examples share. */
export async function buildExampleContext(db: Database, world: World, worldCallers: Awaited<ReturnType<World["callers"]>>) {
  const callers: Record<MatrixActor, Caller> = { ...worldCallers, disabled: await disabledCaller(db, world, worldCallers.admin) };
  const { ids } = world;
  const { coach, client, admin } = callers;
  let counter = 0;
  const unique = (label: string) => `${label}-${++counter}-${crypto.randomBytes(3).toString("hex")}`;

  const exercise = await insertPublishedExercise(db, { practiceId: ids.practiceA, adminId: ids.admin });
  const shared = await submittedAndShared(coach, client, { exerciseId: exercise.exerciseId, clientId: ids.client, share: ["reflection", "calm"] });
  const note = await coach.notes.create({ clientId: ids.client, body: "Sleeps better after walks." });

  /** An invitation as coach A sent it, with the token its email would carry. */
  const invitationToken = async () => {
    const token = newInvitationToken();
    await db.insert(invitations).values({
      practiceId: ids.practiceA,
      email: `${unique("invitee")}@example.test`,
      role: "client",
      invitedById: ids.coach,
      tokenHash: hashInvitationToken(token),
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    });
    return token;
  };
  const previewToken = await invitationToken();

  /** A link about a fresh person's own account, as its email would carry it. */
  const accountToken = async (purpose: "password_reset" | "email_change") => {
    const userId = await addUser(db, ids.practiceA, "client", "Link Holder", `${unique("holder")}@a.test`);
    const token = newAccountToken();
    await db.insert(accountTokens).values({
      userId,
      practiceId: ids.practiceA,
      purpose,
      tokenHash: hashAccountToken(token),
      newEmail: purpose === "email_change" ? `${unique("moved")}@a.test` : null,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    return token;
  };
  /** Everyone's password back to the test one, so an example that needs the current password finds it whoever calls. */
  let testHash: Promise<string> | undefined;
  const restorePasswords = async () => {
    await db.update(users).set({ passwordHash: await (testHash ??= hashPassword(TEST_PASSWORD)) }).where(sql`true`);
  };

  const fresh = {
    assignment: async () => (await coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [ids.client] })).assignmentIds[0]!,
    answered: async () => {
      const assignmentId = await fresh.assignment();
      await answerSample(client, assignmentId);
      return assignmentId;
    },
    submitted: async () => {
      const assignmentId = await fresh.answered();
      await client.assignments.submit({ assignmentId });
      return assignmentId;
    },
    article: () => admin.articles.create(articleInput({ title: unique("Draft article") })),
    archivedArticle: async () => {
      const article = await fresh.article();
      await admin.articles.archive({ id: article.id });
      return article;
    },
    exercise: () =>
      admin.exercises.create({ articleId: exercise.articleId, title: unique("Draft exercise"), instructions: "Take your time.", prompts: samplePrompts }),
    archivedExercise: async () => {
      const draft = await fresh.exercise();
      await admin.exercises.archive({ id: draft.id });
      return draft;
    },
    /** A draft program of practice A with one step (the base exercise). */
    draftProgram: async () => {
      const created = await admin.programs.create({ name: unique("Draft program"), description: "A gentle start." });
      return admin.programs.updateDraft({
        id: created.id,
        revision: created.revision,
        name: unique("Draft program"),
        description: "A gentle start.",
        steps: [{ exerciseId: exercise.exerciseId, opensOn: "day_offset", days: 0, dueInDays: 7 }],
      });
    },
    program: async () => {
      const draft = await fresh.draftProgram();
      await admin.programs.publish({ id: draft.id });
      return draft.id;
    },
    /** Coach A's client A following a fresh program, from today. */
    enrolment: async () => {
      const programId = await fresh.program();
      return (await coach.enrolments.create({ programId, clientIds: [ids.client], startDate: today() })).enrolmentIds[0]!;
    },
    invitation: async () => (await coach.invitations.create({ email: `${unique("invited")}@example.test`, role: "client" })).id,
    note: async () => (await coach.notes.create({ clientId: ids.client, body: "A note to delete." })).id,
    user: (role: "client" | "coach") => addUser(db, ids.practiceA, role, "Fresh Person", `${unique(role)}@a.test`),
    /** A new coach of practice A with two-step sign-in on (the secret is never opened by a reset). */
    userWithSecondFactor: async () => {
      const userId = await fresh.user("coach");
      await db.insert(secondFactors).values({ userId, practiceId: ids.practiceA, secretCiphertext: "sealed", confirmedAt: new Date() });
      return userId;
    },
    /** A new client of coach A, for a handover to coach B. */
    clientOfCoach: async () => {
      const clientId = await fresh.user("client");
      await db.insert(coachClients).values({ practiceId: ids.practiceA, coachId: ids.coach, clientId });
      return clientId;
    },
    /** A notification of client A's (a new exercise), as the notifications job records it. */
    notification: async () => {
      const [row] = await db
        .insert(notifications)
        .values({ practiceId: ids.practiceA, userId: ids.client, kind: "assignment.created", subjectId: shared.assignmentId, slot: unique("slot") })
        .returning({ id: notifications.id });
      return row!.id;
    },
    /** A handover notice for client A, as a handover leaves it. */
    handoverNotice: async () => {
      const [row] = await db
        .insert(handoverNotices)
        .values({ practiceId: ids.practiceA, clientId: ids.client, fromCoachId: ids.otherCoach, toCoachId: ids.coach })
        .returning({ id: handoverNotices.id });
      return row!.id;
    },
  };

  /**
   * Deleting one's own account uses the caller up: for it, every client of the matrix is stood in for by a fresh
   * client of the same practice (signed in just now), so the world's people stay for the other procedures.
   */
  const standInPractice: Partial<Record<MatrixActor, string>> = { client: ids.practiceA, client2: ids.practiceA, otherClient: ids.practiceA, clientB: ids.practiceB };
  const callerFor = async (procedure: string, who: MatrixActor): Promise<Caller> => {
    const practiceId = standInPractice[who];
    if (!actsOnTheCallersOwnAccount.has(procedure) || !practiceId) return callers[who];
    const email = `${unique("stand-in")}@a.test`;
    await addUser(db, practiceId, "client", "Stand In", email);
    return signedInCaller(db, email);
  };

  return {
    db,
    ids,
    callers,
    callerFor,
    unique,
    fresh,
    base: {
      exercise,
      assignmentId: shared.assignmentId,
      sharedAnswerId: shared.saved.reflection.answerId,
      noteId: note.id,
      previewToken,
    },
    invitationToken,
    accountToken,
    restorePasswords,
  };
}

/** Procedures whose success uses up the caller themself (see callerFor). */
export const actsOnTheCallersOwnAccount = new Set(["clientData.deleteMine"]);

const uuid = () => crypto.randomUUID();
/** Today as the world's clients' calendars read it (their zone is UTC). */
const today = () => new Date().toISOString().slice(0, 10);
/** Valid cursors with ids that match no row: the lists still answer, and the fuzzer has a cursor to bend. */
const timePage = () => ({ cursor: { at: new Date(), id: uuid() }, limit: 20 });
const namePage = () => ({ cursor: { name: "M", id: uuid() }, limit: 50 });

export const procedureExamples: Record<string, Example> = {
  "account.changePassword": async (x) => {
    await x.restorePasswords();
    return { currentPassword: TEST_PASSWORD, newPassword: "lanterns over a quiet harbour" };
  },
  "account.cancelEmailChange": () => ({}),
  "account.pendingEmailChange": () => ({}),
  "account.confirmEmailChange": async (x) => ({ token: await x.accountToken("email_change") }),
  "account.requestEmailChange": async (x) => {
    await x.restorePasswords();
    return { newEmail: `${x.unique("new-address")}@example.test`, currentPassword: TEST_PASSWORD };
  },
  "account.requestPasswordReset": (x) => ({ email: `${x.unique("forgot")}@a.test` }),
  "account.resetLinkStatus": async (x) => ({ token: await x.accountToken("password_reset") }),
  "account.resetPassword": async (x) => ({ token: await x.accountToken("password_reset"), password: "lanterns over a quiet harbour" }),
  "account.updateProfile": () => ({ name: "Sam Settings", timeZone: "Europe/Lisbon" }),

  "answers.save": async (x) => ({ assignmentId: await x.fresh.assignment(), promptId: "word", value: text("steady"), baseVersion: 0, saveId: uuid() }),
  "answers.setSharing": (x) => ({ assignmentId: x.base.assignmentId, coachId: x.ids.coach, shares: [{ promptId: "word", shared: true }] }),

  "articles.archive": async (x) => ({ id: (await x.fresh.article()).id }),
  "articles.create": (x) => articleInput({ title: x.unique("New article"), series: "Feeling steady", part: 2 }),
  "articles.get": (x) => ({ id: x.base.exercise.articleId }),
  "articles.importPreview": () => ({ text: sampleBody }),
  "articles.list": () => ({ q: "steady", status: "draft", tag: "steadiness", ...timePage() }),
  "articles.preview": () => ({ body: sampleBody }),
  "articles.publish": async (x) => ({ id: (await x.fresh.article()).id }),
  "articles.restore": async (x) => ({ id: (await x.fresh.archivedArticle()).id }),
  "articles.saveImport": (x) => ({
    article: articleInput({ title: x.unique("Imported article") }),
    exercise: { title: x.unique("Imported exercise"), questions: ["What do you notice first when you feel unsettled?"] },
  }),
  "articles.series": () => ({}),
  "articles.update": async (x) => {
    const article = await x.fresh.article();
    return { id: article.id, revision: article.revision, ...articleInput({ title: x.unique("Edited article"), tags: ["edited"] }) };
  },

  "assignments.cancel": async (x) => ({ assignmentId: await x.fresh.assignment() }),
  "assignments.create": (x) => ({
    exerciseId: x.base.exercise.exerciseId,
    clientIds: [x.ids.client],
    dueAt: new Date(Date.now() + 7 * 86_400_000),
    note: "Whenever suits you this week.",
  }),
  "assignments.get": (x) => ({ assignmentId: x.base.assignmentId }),
  "assignments.listForClient": () => ({}),
  "assignments.listForCoach": (x) => ({ clientId: x.ids.client, ...timePage() }),
  "assignments.markReviewed": async (x) => ({ assignmentId: await x.fresh.submitted() }),
  "assignments.recordView": (x) => ({ assignmentId: x.base.assignmentId }),
  "assignments.submit": async (x) => ({ assignmentId: await x.fresh.answered() }),

  "clientData.deleteClient": async (x) => ({ clientId: await x.fresh.user("client"), password: TEST_PASSWORD }),
  "clientData.deleteMine": () => ({ password: TEST_PASSWORD, confirmation: "Delete my account" }),
  "clientData.export": () => ({}),
  "clientData.recordExport": () => ({ format: "json" }),

  "clients.get": (x) => ({ clientId: x.ids.client }),
  "clients.list": () => namePage(),
  "clients.overview": () => namePage(),
  "clients.overviewTotals": () => ({}),

  "emailPreferences.get": () => ({}),
  "emailPreferences.unsubscribe": (x) => ({ token: unsubscribeToken(x.ids.client, "assignment.created", x.ids.practiceA) }),
  "emailPreferences.unsubscribeInfo": (x) => ({ token: unsubscribeToken(x.ids.client, "assignment.created", x.ids.practiceA) }),
  "emailPreferences.update": () => ({ quietHours: { from: 22 * 60, until: 7 * 60 } }),

  "enrolments.create": async (x) => ({ programId: await x.fresh.program(), clientIds: [x.ids.client], startDate: today() }),
  "enrolments.listForClient": (x) => ({ clientId: x.ids.client }),
  "enrolments.listMine": () => ({}),
  "enrolments.pause": async (x) => ({ enrolmentId: await x.fresh.enrolment() }),
  "enrolments.resume": async (x) => {
    const enrolmentId = await x.fresh.enrolment();
    await x.callers.coach.enrolments.pause({ enrolmentId });
    return { enrolmentId };
  },
  "enrolments.stop": async (x) => ({ enrolmentId: await x.fresh.enrolment() }),
  "programs.create": (x) => ({ name: x.unique("New program"), description: "Three weeks of small steps." }),
  "programs.get": async (x) => ({ id: await x.fresh.program() }),
  "programs.list": () => ({}),
  "programs.publish": async (x) => ({ id: (await x.fresh.draftProgram()).id }),
  "programs.updateDraft": async (x) => {
    const draft = await x.fresh.draftProgram();
    return {
      id: draft.id,
      revision: draft.revision,
      name: "Steady weeks",
      description: "Small steps, one a week.",
      steps: [{ exerciseId: x.base.exercise.exerciseId, opensOn: "day_offset", days: 0, dueInDays: null }],
    };
  },
  "exercises.archive": async (x) => ({ id: (await x.fresh.exercise()).id }),
  "exercises.create": (x) => ({ articleId: x.base.exercise.articleId, title: x.unique("New exercise"), instructions: "Go gently.", prompts: samplePrompts }),
  "exercises.get": (x) => ({ id: x.base.exercise.exerciseId }),
  "exercises.list": (x) => ({ articleId: x.base.exercise.articleId, status: "published", q: "week", ...timePage() }),
  "exercises.publish": async (x) => {
    const draft = await x.fresh.exercise();
    return { id: draft.id, revision: draft.revision };
  },
  "exercises.restore": async (x) => ({ id: (await x.fresh.archivedExercise()).id }),
  "exercises.suggestions": (x) => ({ articleId: x.base.exercise.articleId }),
  "exercises.updateDraft": async (x) => {
    const draft = await x.fresh.exercise();
    return { id: draft.id, revision: draft.revision, title: x.unique("Edited exercise"), instructions: "Slowly.", prompts: samplePrompts.slice(0, 3) };
  },
  "exercises.version": (x) => ({ id: x.base.exercise.exerciseId, version: 1 }),
  "exercises.versions": (x) => ({ id: x.base.exercise.exerciseId, cursor: { version: 5 }, limit: 20 }),

  "feedback.comment": (x) => ({ answerId: x.base.sharedAnswerId, body: "Thank you for sharing this." }),

  "audit.list": () => ({ action: "auth.sign_in", ...timePage() }),

  "handover.coaches": () => ({}),
  "handover.dismissNotice": async (x) => ({ id: await x.fresh.handoverNotice() }),
  "handover.handOver": async (x) => ({ fromCoachId: x.ids.coach, toCoachId: x.ids.otherCoach, clients: [await x.fresh.clientOfCoach()] }),
  "handover.myNotice": () => ({}),

  "inbox.list": () => timePage(),
  "inbox.unreadCount": () => ({}),


  "invitations.accept": async (x) => ({ token: await x.invitationToken(), name: "Nia Newcomer", password: "a calm river at dusk" }),
  "invitations.create": (x) => ({ email: `${x.unique("new")}@example.test`, role: "client", name: "Nia Newcomer" }),
  "invitations.list": () => timePage(),
  "invitations.preview": (x) => ({ token: x.base.previewToken }),
  "invitations.revoke": async (x) => ({ id: await x.fresh.invitation() }),

  "library.article": (x) => ({ id: x.base.exercise.articleId }),
  // Filtered to one series, so the list runs in reading order and takes a part cursor.
  "library.articles": () => ({ q: "about", series: "Test series", tag: "steadiness", cursor: { part: 1, id: uuid() }, limit: 20 }),
  "library.exercise": (x) => ({ id: x.base.exercise.exerciseId }),
  "library.exercises": (x) => ({ q: "week", articleId: x.base.exercise.articleId, ...timePage() }),
  "library.series": () => ({}),

  "jobs.failed": () => ({}),

  "mailbox.list": () => ({}),

  "notes.create": (x) => ({ clientId: x.ids.client, body: "Mentioned a new job." }),
  "notes.delete": async (x) => ({ id: await x.fresh.note() }),
  "notes.list": (x) => ({ clientId: x.ids.client, ...timePage() }),
  "notifications.list": () => timePage(),
  "notifications.markAllRead": () => ({}),
  "notifications.markRead": async (x) => ({ ids: [await x.fresh.notification()] }),
  "notifications.unreadCount": () => ({}),
  "notes.update": (x) => ({ id: x.base.noteId, body: "Sleeps better after long walks." }),

  "practice.overview": () => ({}),

  "secondFactor.begin": () => ({}),
  "secondFactor.completeSignIn": () => ({ code: "123456" }),
  "secondFactor.confirm": () => ({ code: "000000" }),
  "secondFactor.listEnabled": () => ({}),
  "secondFactor.renewRecoveryCodes": () => ({ code: "000000" }),
  "secondFactor.reset": async (x) => ({ userId: await x.fresh.userWithSecondFactor() }),
  "secondFactor.disable": () => ({ code: "123456" }),
  "secondFactor.requirement": () => ({}),
  "secondFactor.setRequirement": () => ({ required: false }),
  "secondFactor.status": () => ({}),

  "sessions.end": () => ({}),
  "sessions.endMany": () => ({ includingThis: false }),
  "sessions.endOne": async (x) => ({ sessionId: (await signInWithPassword(x.db, { email: "coach@a.test", password: TEST_PASSWORD }, testLimits))!.sessionId }),
  "sessions.list": () => ({}),

  "trends.forClient": (x) => ({ clientId: x.ids.client }),
  "trends.mine": () => ({}),
  "trends.recordView": (x) => ({ clientId: x.ids.client }),

  "users.changeRole": async (x) => ({ userId: await x.fresh.user("coach"), role: "admin" }),
  "users.list": () => ({ role: "client", ...namePage() }),
  "users.me": () => ({}),
  "users.setDisabled": async (x) => ({ userId: await x.fresh.user("client"), disabled: true }),
};
