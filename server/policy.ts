import "server-only";
import type { Role } from "@/lib/people/roles";
import { ForbiddenError } from "./errors";

/**
 * Every permission in Hearth is decided here. Procedures and services ask this module;
 * services then scope their queries (practice, owner, assigning coach, shared flag) so that
 * a row outside those bounds is simply not found.
 */
export type Actor = { userId: string; practiceId: string; role: Role };

export const policy = {
  /** Admins run the practice: library, coaches, audit log. */
  managesPractice: (actor: Actor) => actor.role === "admin",
  /** Coaches coach; an admin may also coach clients of their own. */
  coaches: (actor: Actor) => actor.role === "coach" || actor.role === "admin",
  /** A practice's requirement of a second factor applies to those who see clients' work or run the practice. */
  secondFactorMayBeRequired: (role: Role) => role === "coach" || role === "admin",
  isClient: (actor: Actor) => actor.role === "client",

  editsContent: (actor: Actor) => actor.role === "admin",
  seesDraftContent: (actor: Actor) => actor.role === "admin",
  browsesLibrary: (actor: Actor) => actor.role === "coach" || actor.role === "admin",

  invites: (actor: Actor, role: Role) =>
    role === "client" ? actor.role === "coach" || actor.role === "admin" : role === "coach" && actor.role === "admin",

  managesUsers: (actor: Actor) => actor.role === "admin",
  readsAuditLog: (actor: Actor) => actor.role === "admin",
  /** Admins see no reflection unless they are the assigning coach and it is shared (scoped in queries). */
  readsSharedAnswersAsCoach: (actor: Actor) => actor.role === "coach" || actor.role === "admin",
  answersExercises: (actor: Actor) => actor.role === "client",
  /** Assigning, following and reviewing exercises; queries then keep to the actor's own clients and assignments. */
  assignsExercises: (actor: Actor) => actor.role === "coach" || actor.role === "admin",
  /** Private notes on a client: only the coach who writes them ever reads them. */
  keepsClientNotes: (actor: Actor) => actor.role === "coach" || actor.role === "admin",
  /** A client owns their words: they export them, and delete their account, themselves, at any time. */
  exportsOwnData: (actor: Actor) => actor.role === "client",
  deletesOwnAccount: (actor: Actor) => actor.role === "client",
  /** On a client's request, an admin of their practice runs the same deletion (with the admin's own password). */
  deletesClientOnRequest: (actor: Actor) => actor.role === "admin",
  /**
   * The development mailbox exists only while emails go to its folder instead of an SMTP server, and only an
   * admin reads it (their own practice's emails: invitation links are in them).
   */
  opensDevMailbox: (actor: Actor) => actor.role === "admin",
  /** Background jobs and emails that ran out of tries: admins, for their own practice (and jobs of none). */
  seesFailedWork: (actor: Actor) => actor.role === "admin",
} as const;

export type Permission = keyof typeof policy;

/** Throws ForbiddenError unless the actor holds the permission. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw new ForbiddenError(message);
}

/** Which home each role lands on. */
export const homeFor: Record<Role, string> = { admin: "/admin", coach: "/coach", client: "/client" };

/** Which role areas of the site an actor may open. */
export function mayOpenArea(actor: Actor, area: "admin" | "coach" | "client"): boolean {
  if (area === "admin") return policy.managesPractice(actor);
  if (area === "coach") return policy.coaches(actor);
  return policy.isClient(actor);
}
