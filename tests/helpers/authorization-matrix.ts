import { everyone, expected, roleGate, type Someone } from "./outcomes";

/**
 * Who may call what: the expected outcome of every procedure of the app router for every kind of
 * caller, when called with its valid example input (tests/helpers/procedure-examples.ts).
 *
 * This table is the source of docs/security/authorization-matrix.md (`npm run docs:authz`), and
 * tests/integration/authorization-matrix.test.ts runs every cell of it. A procedure missing here
 * fails that test, so a new procedure can't ship without someone deciding who may call it.
 *
 * Pure data: the docs script imports it without loading any server code.
 */

/** The test world's people (tests/helpers/world.ts), nobody signed in, and a disabled account. */
export const matrixActors = [...everyone, "disabled"] as const;
export type MatrixActor = (typeof matrixActors)[number];

export const actorDescriptions: Record<MatrixActor, string> = {
  client: "client A: a client of coach A in practice A; the example rows are theirs",
  client2: "another client of coach A (same coach, same practice)",
  otherClient: "client B: a client of coach B in practice A",
  coach: "coach A: the coach who owns the example rows (assignments, notes, invitations)",
  otherCoach: "coach B: another coach in practice A",
  admin: "practice A's admin (also a coach, without clients of their own)",
  adminB: "the other practice's admin",
  coachB: "the other practice's coach",
  clientB: "the other practice's client",
  anonymous: "nobody signed in",
  disabled: "a coach of practice A who signed in and was then disabled by the admin, still holding the session",
};

export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";
export type MatrixRow = {
  /** What the example input points at, in words (the rows belong to client A and coach A). */
  subject: string;
  outcomes: Record<MatrixActor, Outcome>;
};

const coachRoles = ["coach", "otherCoach", "admin", "adminB", "coachB"] as const satisfies readonly Someone[];
const clients = ["client", "client2", "otherClient", "clientB"] as const satisfies readonly Someone[];
const signedIn = [...coachRoles, ...clients];
const admins = ["admin", "adminB"] as const satisfies readonly Someone[];

/**
 * `allowed` get "ok"; anyone named in `others` gets that outcome; everyone else signed in gets
 * NOT_FOUND (a row you may not see doesn't exist for you); nobody signed in, and the disabled
 * account, get UNAUTHORIZED.
 */
function row(subject: string, allowed: readonly MatrixActor[], others: Partial<Record<MatrixActor, Outcome>> = {}): MatrixRow {
  const ok = Object.fromEntries(allowed.map((who) => [who, "ok"]));
  const outcomes = { ...expected(ok, others), disabled: allowed.includes("disabled") ? "ok" : (others.disabled ?? "UNAUTHORIZED") };
  return { subject, outcomes: outcomes as Record<MatrixActor, Outcome> };
}

const publicToAll = [...everyone, "disabled"] as const;
const { adminOnly, coachOnly, clientOnly } = roleGate;

export const authorizationMatrix: Record<string, MatrixRow> = {
  "account.changePassword": row("the caller's own password", signedIn),
  "account.cancelEmailChange": row("the caller's own pending email change (none: nothing to withdraw)", signedIn),
  "account.confirmEmailChange": row("a link to confirm a new address (anyone holding the link)", publicToAll),
  "account.pendingEmailChange": row("the caller's own pending email change", signedIn),
  "account.requestEmailChange": row("the caller's own email address", signedIn),
  "account.requestPasswordReset": row("any email address (the same answer whether or not it has an account)", publicToAll),
  "account.resetLinkStatus": row("a password reset link (anyone holding the link)", publicToAll),
  "account.resetPassword": row("a password reset link (anyone holding the link)", publicToAll),
  "account.updateProfile": row("the caller's own name and time zone", signedIn),

  "answers.save": row("an answer on client A's assignment from coach A", ["client"], clientOnly),
  "answers.setSharing": row("sharing on client A's submitted assignment", ["client"], clientOnly),

  "articles.archive": row("a draft article of practice A", ["admin"], adminOnly),
  "articles.create": row("a new article in the caller's own practice", admins, adminOnly),
  "articles.get": row("a published article of practice A", ["admin"], adminOnly),
  "articles.importPreview": row("a pasted document (nothing is saved)", admins, adminOnly),
  "articles.list": row("the caller's own practice's articles", admins, adminOnly),
  "articles.preview": row("a Markdown body (nothing is read or saved)", admins, adminOnly),
  "articles.publish": row("a draft article of practice A", ["admin"], adminOnly),
  "articles.restore": row("an archived article of practice A", ["admin"], adminOnly),
  "articles.saveImport": row("a reviewed import saved in the caller's own practice", admins, adminOnly),
  "articles.series": row("the caller's own practice's series", admins, adminOnly),
  "articles.update": row("a draft article of practice A", ["admin"], adminOnly),

  "assignments.cancel": row("coach A's open assignment for client A", ["coach"], coachOnly),
  "assignments.create": row("practice A's published exercise, for client A", ["coach"], coachOnly),
  "assignments.get": row("client A's assignment from coach A", ["client", "coach"]),
  "assignments.listForClient": row("the caller's own assignments", clients, clientOnly),
  "assignments.listForCoach": row("the caller's assignments for client A", coachRoles, coachOnly),
  "assignments.markReviewed": row("client A's submitted assignment from coach A", ["coach"], coachOnly),
  "assignments.recordView": row("client A's assignment from coach A", ["coach"]),
  "assignments.submit": row("client A's answered assignment", ["client"], clientOnly),

  "clientData.deleteClient": row("a client of practice A, on their request", ["admin"], adminOnly),
  "clientData.deleteMine": row("the caller's own account (each client stands in as a fresh one)", clients, clientOnly),
  "clientData.export": row("the caller's own data", clients, clientOnly),
  "clientData.recordExport": row("the caller's own data", clients, clientOnly),

  "clients.get": row("client A", ["coach"], coachOnly),
  "clients.list": row("the caller's own roster", coachRoles, coachOnly),
  "clients.overview": row("the caller's own roster", coachRoles, coachOnly),
  "clients.overviewTotals": row("the caller's own roster", coachRoles, coachOnly),

  "emailPreferences.get": row("the caller's own email choices", signedIn),
  "emailPreferences.unsubscribe": row("an unsubscribe link for client A's new-exercise emails (anyone holding the link)", publicToAll),
  "emailPreferences.unsubscribeInfo": row("an unsubscribe link for client A's new-exercise emails (anyone holding the link)", publicToAll),
  "emailPreferences.update": row("the caller's own quiet hours", signedIn),

  "enrolments.create": row("practice A's published program, for client A", ["coach"], coachOnly),
  "enrolments.listForClient": row("the programs coach A started for client A", ["coach"], coachOnly),
  "enrolments.listMine": row("the caller's own programs", clients, clientOnly),
  "enrolments.pause": row("client A's program, started by coach A", ["coach"], coachOnly),
  "enrolments.resume": row("client A's paused program, started by coach A", ["coach"], coachOnly),
  "enrolments.stop": row("client A's program, started by coach A", ["coach"], coachOnly),

  "exercises.archive": row("a draft exercise of practice A", ["admin"], adminOnly),
  "exercises.create": row("a new exercise on practice A's article", ["admin"], adminOnly),
  "exercises.get": row("practice A's published exercise", ["admin"], adminOnly),
  "exercises.list": row("the caller's own practice's exercises", admins, adminOnly),
  "exercises.publish": row("a draft exercise of practice A", ["admin"], adminOnly),
  "exercises.restore": row("an archived exercise of practice A", ["admin"], adminOnly),
  "exercises.suggestions": row("questions in practice A's article", ["admin"], adminOnly),
  "exercises.updateDraft": row("a draft exercise of practice A", ["admin"], adminOnly),
  "exercises.version": row("version 1 of practice A's published exercise", ["admin"], adminOnly),
  "exercises.versions": row("the versions of practice A's published exercise", ["admin"], adminOnly),

  "feedback.comment": row("client A's answer shared with coach A", ["client", "coach"]),

  "audit.list": row("the caller's own practice's audit log", admins, adminOnly),
  "handover.coaches": row("the caller's own practice's coaches and their clients", admins, adminOnly),
  "handover.dismissNotice": row("client A's handover notice", ["client"], clientOnly),
  "handover.handOver": row("a client of coach A, handed over to coach B", ["admin"], adminOnly),
  "handover.myNotice": row("the caller's own handover notice", clients, clientOnly),
  "inbox.list": row("the caller's own inbox", coachRoles, coachOnly),
  "inbox.unreadCount": row("the caller's own inbox", coachRoles, coachOnly),


  "invitations.accept": row("a pending invitation from coach A (anyone holding the link)", publicToAll),
  "invitations.create": row("an invitation to a new address, from the caller's own practice", coachRoles, coachOnly),
  "invitations.list": row("the caller's own invitations", coachRoles, coachOnly),
  "invitations.preview": row("a pending invitation from coach A (anyone holding the link)", publicToAll),
  "invitations.revoke": row("coach A's pending invitation (the admin manages all of the practice's)", ["coach", "admin"], coachOnly),

  "library.article": row("practice A's published article", ["coach", "otherCoach", "admin"], coachOnly),
  "library.articles": row("the caller's own practice's library", coachRoles, coachOnly),
  "library.exercise": row("practice A's published exercise", ["coach", "otherCoach", "admin"], coachOnly),
  "library.exercises": row("the caller's own practice's library", coachRoles, coachOnly),
  "library.series": row("the caller's own practice's library", coachRoles, coachOnly),

  "jobs.failed": row("background jobs and emails that ran out of tries, for admins, their own practice's (and jobs of no practice)", admins, adminOnly),
  "mailbox.list": row("the development mailbox, for admins, their own practice's emails (only while no SMTP server is set)", admins, adminOnly),

  "notes.create": row("a private note on client A", ["coach"], coachOnly),
  "notes.delete": row("coach A's note on client A", ["coach"], coachOnly),
  "notes.list": row("coach A's notes on client A", ["coach"], coachOnly),
  "notifications.list": row("the caller's own notifications", signedIn),
  "notifications.markAllRead": row("the caller's own notifications", signedIn),
  "notifications.markRead": row("a notification of client A's (a new exercise)", ["client"]),
  "notifications.unreadCount": row("the caller's own notifications", signedIn),
  "notes.update": row("coach A's note on client A", ["coach"], coachOnly),

  "practice.overview": row("the caller's own practice", admins, adminOnly),

  "secondFactor.begin": row("the caller's own authenticator (a new secret, not yet confirmed)", signedIn),
  "secondFactor.completeSignIn": row("a second-step code: only a session held at the second step may send one", [], Object.fromEntries(signedIn.map((who) => [who, "UNAUTHORIZED"]))),
  "secondFactor.confirm": row("a code that doesn't fit the caller's new secret", [], Object.fromEntries(signedIn.map((who) => [who, "BAD_REQUEST"]))),
  "secondFactor.disable": row("the caller's own second factor, which isn't on", [], Object.fromEntries(signedIn.map((who) => [who, "CONFLICT"]))),
  "secondFactor.listEnabled": row("the caller's own practice's people with two-step sign-in on", admins, adminOnly),
  "secondFactor.renewRecoveryCodes": row("the caller's own second factor, which isn't on", [], Object.fromEntries(signedIn.map((who) => [who, "CONFLICT"]))),
  "secondFactor.requirement": row("the caller's own practice's setting", admins, adminOnly),
  "secondFactor.reset": row("a coach of practice A with two-step sign-in on", ["admin"], adminOnly),
  "secondFactor.setRequirement": row("the caller's own practice's setting (turned off)", admins, adminOnly),
  "secondFactor.status": row("the caller's own two-step sign-in", signedIn),

  "programs.create": row("a new program in the caller's own practice", admins, adminOnly),
  "programs.get": row("a published program of practice A", ["admin"], adminOnly),
  "programs.list": row("the caller's own practice's programs", coachRoles, coachOnly),
  "programs.publish": row("a draft program of practice A", ["admin"], adminOnly),
  "programs.updateDraft": row("a draft program of practice A", ["admin"], adminOnly),

  "sessions.end": row("the caller's own session", signedIn),
  "sessions.endMany": row("the caller's other sessions", signedIn),
  "sessions.endOne": row("another open session of coach A", ["coach"]),
  "sessions.list": row("the caller's own sessions", signedIn),

  "trends.forClient": row("client A's shared scale answers", ["coach"], coachOnly),
  "trends.mine": row("the caller's own scale answers", clients, clientOnly),
  "trends.recordView": row("client A's charted shared answers", ["coach"]),

  "users.changeRole": row("a coach of practice A", ["admin"], adminOnly),
  "users.list": row("the caller's own practice's members", admins, adminOnly),
  "users.me": row("the caller", signedIn),
  "users.setDisabled": row("a client of practice A", ["admin"], adminOnly),
};
