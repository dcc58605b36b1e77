import "server-only";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { answers, assignments, coachClients, handoverNotices, practices, programEnrolments, users } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/server/audit";
import { InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { enqueueEmail } from "../mail/outbox";
import { handoverEmail } from "./email";

export type HandoverInput = { fromCoachId: string; toCoachId: string; clients: "all" | string[] };
export type HandoverResult = { clientIds: string[]; movedAssignments: number; unsharedAnswers: number };

/**
 * An admin moves clients from one coach of the practice to another. In one transaction, per client:
 * the coach link changes, every assignment (and its answers) changes coach, every answer the client
 * had shared with the old coach becomes private (each with an `answer.unshared` event, reason
 * "handover"), the client gets an email and a notice, and `client.handed_over` is recorded.
 *
 * Old reflections move too, private, so the client can choose to share any of them with the new
 * coach (ADR 0021). Comment threads keep the coach they were written with, and a coach reads only
 * their own, so the new coach never sees the conversation the client had with the old one.
 *
 * The client's assignments with the old coach are row-locked first (FOR UPDATE): a save or a share
 * in flight (they hold FOR KEY SHARE) finishes before, or starts after and sees the new coach. So no
 * answer can end up shared with the new coach, or newly shared with the old one, by this race.
 */
export async function handOverClients(db: Queryable, actor: Actor, input: HandoverInput, now = new Date()): Promise<HandoverResult> {
  authorize(policy.managesPractice(actor));
  if (input.fromCoachId === input.toCoachId) {
    throw new InvalidInputError("Please choose a different coach to hand over to.", { field: "toCoachId" });
  }
  return db.transaction(async (tx) => {
    const coaches = await tx
      .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.practiceId, actor.practiceId), inArray(users.id, [input.fromCoachId, input.toCoachId]), ne(users.role, "client")));
    const from = coaches.find((c) => c.id === input.fromCoachId);
    const to = coaches.find((c) => c.id === input.toCoachId);
    if (!from) throw new NotFoundError("That coach");
    if (!to) throw new NotFoundError("The coach to hand over to");
    if (to.disabledAt) throw new InvalidInputError(`${to.name}'s account is disabled. Please choose a coach who can take clients on.`, { field: "toCoachId" });

    // The links themselves, locked so two handovers of one client can't both apply.
    const linked = await tx
      .select({ clientId: coachClients.clientId })
      .from(coachClients)
      .where(
        and(
          eq(coachClients.practiceId, actor.practiceId),
          eq(coachClients.coachId, from.id),
          input.clients === "all" ? undefined : inArray(coachClients.clientId, input.clients),
        ),
      )
      .for("update");
    const clientIds = linked.map((row) => row.clientId);
    if (input.clients !== "all" && clientIds.length !== new Set(input.clients).size) throw new NotFoundError("One of those clients");
    if (clientIds.length === 0) return { clientIds: [], movedAssignments: 0, unsharedAnswers: 0 };

    const locked = await tx
      .select({ id: assignments.id, clientId: assignments.clientId })
      .from(assignments)
      .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.coachId, from.id), inArray(assignments.clientId, clientIds)))
      .for("update");
    const moving = locked.map((a) => a.id);

    // Private again: everything these clients had shared with the old coach, on any assignment.
    const unshared = await tx
      .update(answers)
      .set({ shared: false, sharedAt: null })
      .where(
        and(
          eq(answers.practiceId, actor.practiceId),
          eq(answers.coachId, from.id),
          inArray(answers.clientId, clientIds),
          eq(answers.shared, true),
        ),
      )
      .returning({ id: answers.id, clientId: answers.clientId, assignmentId: answers.assignmentId, promptId: answers.promptId });

    if (moving.length > 0) {
      await tx.update(assignments).set({ coachId: to.id, updatedAt: now }).where(and(eq(assignments.practiceId, actor.practiceId), inArray(assignments.id, moving)));
      // All private by now; a coach who never received an answer must not inherit a "seen" mark either.
      await tx.update(answers).set({ coachId: to.id, coachSeenAt: null }).where(and(eq(answers.practiceId, actor.practiceId), inArray(answers.assignmentId, moving)));
    }

    // Their programs go along: later steps open from the new coach, who can pause or stop them (ADR 0029).
    await tx
      .update(programEnrolments)
      .set({ coachId: to.id, updatedAt: now })
      .where(and(eq(programEnrolments.practiceId, actor.practiceId), eq(programEnrolments.coachId, from.id), inArray(programEnrolments.clientId, clientIds)));
    await tx
      .delete(coachClients)
      .where(and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, from.id), inArray(coachClients.clientId, clientIds)));
    await tx
      .insert(coachClients)
      .values(clientIds.map((clientId) => ({ practiceId: actor.practiceId, coachId: to.id, clientId, createdAt: now })))
      .onConflictDoNothing();
    await tx
      .update(handoverNotices)
      .set({ dismissedAt: now })
      .where(and(eq(handoverNotices.practiceId, actor.practiceId), inArray(handoverNotices.clientId, clientIds), isNull(handoverNotices.dismissedAt)));
    await tx
      .insert(handoverNotices)
      .values(clientIds.map((clientId) => ({ practiceId: actor.practiceId, clientId, fromCoachId: from.id, toCoachId: to.id, createdAt: now })));

    const [practice] = await tx.select({ name: practices.name }).from(practices).where(eq(practices.id, actor.practiceId));
    const clients = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users)
      .where(and(eq(users.practiceId, actor.practiceId), inArray(users.id, clientIds)));
    for (const client of clients) {
      const email = handoverEmail({ clientName: client.name, fromCoachName: from.name, toCoachName: to.name, practiceName: practice!.name });
      await enqueueEmail(tx, { practiceId: actor.practiceId, to: client.email, ...email }, now);
    }

    const movedBy = new Map<string, number>();
    for (const a of locked) movedBy.set(a.clientId, (movedBy.get(a.clientId) ?? 0) + 1);
    const events: AuditEntry[] = [
      ...unshared.map((row) => ({
        practiceId: actor.practiceId,
        actorId: actor.userId,
        action: "answer.unshared" as const,
        subjectUserId: row.clientId,
        entityType: "answer",
        entityId: row.id,
        metadata: { assignmentId: row.assignmentId, promptId: row.promptId, coachId: from.id, reason: "handover" },
        createdAt: now,
      })),
      ...clientIds.map((clientId) => ({
        practiceId: actor.practiceId,
        actorId: actor.userId,
        action: "client.handed_over" as const,
        subjectUserId: clientId,
        entityType: "user",
        entityId: clientId,
        metadata: { fromCoachId: from.id, toCoachId: to.id, movedAssignments: movedBy.get(clientId) ?? 0 },
        createdAt: now,
      })),
    ];
    await recordAudit(tx, events);
    return { clientIds, movedAssignments: moving.length, unsharedAnswers: unshared.length };
  });
}
