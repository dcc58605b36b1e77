import "server-only";
import { moveEmail } from "../people/email-directory";
import { forgetCachedSessions } from "../auth/session-cache";
import { and, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import {
  accountTokens,
  answerComments,
  answers,
  assignments,
  handoverNotices,
  invitations,
  notifications,
  outboxEmails,
  recoveryCodes,
  secondFactors,
  userSessions,
  users,
  programEnrolments,
} from "@/db/schema";
import { recordAudit } from "@/server/audit";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { FORMER_CLIENT_NAME } from "@/lib/account/former-client";
import { verifyPassword } from "../auth/password-hash";

const WRONG_PASSWORD = "That password isn't right, so nothing was deleted. Please try again.";

/** The client deletes their own account, confirming with their password. */
export async function deleteOwnAccount(db: Queryable, actor: Actor, input: { password: string }, now: Date): Promise<{ deleted: true }> {
  authorize(policy.deletesOwnAccount(actor));
  return db.transaction(async (tx) => {
    await confirmPassword(tx, actor, input.password);
    await eraseClient(tx, actor, actor.userId, now, "client");
    return { deleted: true as const };
  });
}

/** An admin runs the same deletion on a client's request, confirming with the admin's own password. */
export async function deleteClientOnRequest(
  db: Queryable,
  actor: Actor,
  input: { clientId: string; password: string },
  now: Date,
): Promise<{ deleted: true }> {
  authorize(policy.deletesClientOnRequest(actor));
  return db.transaction(async (tx) => {
    await confirmPassword(tx, actor, input.password);
    await eraseClient(tx, actor, input.clientId, now, "admin");
    return { deleted: true as const };
  });
}

async function confirmPassword(tx: Transaction, actor: Actor, password: string): Promise<void> {
  const [me] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.practiceId, actor.practiceId)));
  if (!me || !(await verifyPassword(me.passwordHash, password))) throw new InvalidInputError(WRONG_PASSWORD, { field: "password" });
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Erases a client (decision 0018): everything they wrote and everything about them goes; the users row stays as a
 * nameless tombstone, so the coaches' private notes and the audit log keep their ids. One transaction.
 */
async function eraseClient(tx: Transaction, actor: Actor, clientId: string, now: Date, by: "client" | "admin"): Promise<void> {
  const [client] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.practiceId, actor.practiceId), eq(users.role, "client"), isNull(users.deletedAt)))
    .for("update");
  if (!client) throw new NotFoundError("That client");

  const theirAssignments = tx.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.clientId, client.id)));
  // The threads on their answers go with the answers: both sides of them.
  await tx
    .delete(answerComments)
    .where(
      and(
        eq(answerComments.practiceId, actor.practiceId),
        or(inArray(answerComments.assignmentId, theirAssignments), eq(answerComments.authorId, client.id)),
      ),
    );
  await tx.delete(answers).where(and(eq(answers.practiceId, actor.practiceId), eq(answers.clientId, client.id)));
  await tx.delete(assignments).where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.clientId, client.id)));
  // The programs they followed go too (after their assignments, which point at them).
  await tx.delete(programEnrolments).where(and(eq(programEnrolments.practiceId, actor.practiceId), eq(programEnrolments.clientId, client.id)));
  await tx.delete(userSessions).where(and(eq(userSessions.practiceId, actor.practiceId), eq(userSessions.userId, client.id)));
  // Pending reset or email-change links (one may hold a new address), a second factor, handover notices.
  await tx.delete(accountTokens).where(and(eq(accountTokens.practiceId, actor.practiceId), eq(accountTokens.userId, client.id)));
  await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.practiceId, actor.practiceId), eq(recoveryCodes.userId, client.id)));
  await tx.delete(secondFactors).where(and(eq(secondFactors.practiceId, actor.practiceId), eq(secondFactors.userId, client.id)));
  await tx.delete(handoverNotices).where(and(eq(handoverNotices.practiceId, actor.practiceId), eq(handoverNotices.clientId, client.id)));
  await tx
    .delete(invitations)
    .where(
      and(
        eq(invitations.practiceId, actor.practiceId),
        or(eq(invitations.acceptedUserId, client.id), sql`lower(${invitations.email}) = lower(${client.email})`),
      ),
    );
  await tx.delete(outboxEmails).where(sql`lower(${outboxEmails.toAddress}) = lower(${client.email})`);
  // Their notifications menu (ids and kinds only) goes with them; coaches' rows about them stop being listed.
  await tx.delete(notifications).where(and(eq(notifications.practiceId, actor.practiceId), eq(notifications.userId, client.id)));
  await renameInOtherEmails(tx, actor.practiceId, client.name);
  await tx.execute(sql`select hearth_scrub_audit_person(${client.id}::uuid, ${client.name}, ${client.email})`);

  const tombstoneEmail = `former-client-${client.id}@deleted.invalid`;
  await tx
    .update(users)
    .set({
      name: FORMER_CLIENT_NAME,
      email: tombstoneEmail,
      // Not a hash: no password ever verifies against it.
      passwordHash: "!deleted",
      timeZone: "UTC",
      disabledAt: now,
      deletedAt: now,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: now,
    })
    .where(and(eq(users.practiceId, actor.practiceId), eq(users.id, client.id)));
  // Their address is free again; the directory entry follows the tombstone.
  await moveEmail(tx, { userId: client.id, from: client.email, to: tombstoneEmail });
  forgetCachedSessions(tx);

  await recordAudit(tx, {
    practiceId: actor.practiceId,
    actorId: actor.userId,
    action: "client.deleted",
    subjectUserId: client.id,
    entityType: "user",
    entityId: client.id,
    metadata: { by },
    createdAt: now,
  });
}

/** Emails to other people (a coach told that this client shared something) keep their text, without the client's name. */
async function renameInOtherEmails(tx: Transaction, practiceId: string, name: string): Promise<void> {
  if (name.trim() === "") return;
  const pattern = `%${escapeLike(name)}%`;
  const rows = await tx
    .select({ id: outboxEmails.id, subject: outboxEmails.subject, textBody: outboxEmails.textBody, redactedTextBody: outboxEmails.redactedTextBody })
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.practiceId, practiceId),
        or(ilike(outboxEmails.subject, pattern), ilike(outboxEmails.textBody, pattern), ilike(outboxEmails.redactedTextBody, pattern)),
      ),
    );
  const nameRe = new RegExp(escapeRegExp(name), "gi");
  const replace = (text: string) => text.replace(nameRe, "a former client");
  for (const row of rows) {
    await tx
      .update(outboxEmails)
      .set({
        subject: replace(row.subject),
        textBody: replace(row.textBody),
        redactedTextBody: row.redactedTextBody === null ? null : replace(row.redactedTextBody),
      })
      .where(eq(outboxEmails.id, row.id));
  }
}
