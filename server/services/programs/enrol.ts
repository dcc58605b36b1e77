import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { coachClients, programEnrolments, users } from "@/db/schema";
import { addDays } from "@/lib/dates/zoned";
import { formatCalendarDay, localDayOf, parseCalendarDay } from "@/lib/programs/schedule";
import { recordAudit } from "@/server/audit";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadLatestVersion } from "./load";
import { openDueStepsFor } from "./open-steps";

/** How far ahead a program may be set to start. */
const MAX_DAYS_AHEAD = 365;

/**
 * Starts a published program (its latest version, pinned) for one or several of the coach's own clients, on a
 * start date each client's own calendar reads. All or nothing. Steps due already (day 0 when it starts today)
 * open in the same transaction, so the client hears about step 1 at once.
 */
export async function enrolClients(
  db: Queryable,
  actor: Actor,
  input: { programId: string; clientIds: string[]; startDate: string },
  now = new Date(),
): Promise<{ enrolmentIds: string[] }> {
  authorize(policy.assignsExercises(actor));
  const clientIds = [...new Set(input.clientIds)];
  const startDate = parseCalendarDay(input.startDate);
  if (!startDate) throw new InvalidInputError("Please pick a start date from the calendar.", { field: "startDate" });

  return db.transaction(async (tx) => {
    const version = await loadLatestVersion(tx, actor, input.programId);
    const linked = await tx
      .select({ clientId: coachClients.clientId, name: users.name, timeZone: users.timeZone })
      .from(coachClients)
      .innerJoin(users, and(eq(users.practiceId, coachClients.practiceId), eq(users.id, coachClients.clientId), isNull(users.deletedAt)))
      .where(and(eq(coachClients.practiceId, actor.practiceId), eq(coachClients.coachId, actor.userId), inArray(coachClients.clientId, clientIds)));
    if (linked.length !== clientIds.length) throw new NotFoundError("One of those clients");

    for (const client of linked) {
      // The start date is a day on the client's calendar: "today" is their today, whatever the coach's is.
      const today = localDayOf(now, client.timeZone);
      if (input.startDate < formatCalendarDay(today)) {
        throw new InvalidInputError(`That start date has already passed for ${client.name}. Please pick today or a later day.`, { field: "startDate" });
      }
      if (input.startDate > formatCalendarDay(addDays(today, MAX_DAYS_AHEAD))) {
        throw new InvalidInputError("Please pick a start date within the next year.", { field: "startDate" });
      }
    }
    const running = await tx
      .select({ clientId: programEnrolments.clientId })
      .from(programEnrolments)
      .where(
        and(
          eq(programEnrolments.practiceId, actor.practiceId),
          eq(programEnrolments.programId, input.programId),
          inArray(programEnrolments.clientId, clientIds),
          inArray(programEnrolments.status, ["active", "paused"]),
        ),
      );
    if (running.length > 0) {
      const names = linked.filter((client) => running.some((row) => row.clientId === client.clientId)).map((client) => client.name);
      throw new ConflictError(`${names.join(", ")} ${names.length === 1 ? "is" : "are"} already following this program. You can pause or stop it from their page.`);
    }

    const rows = await tx
      .insert(programEnrolments)
      .values(
        clientIds.map((clientId) => ({
          practiceId: actor.practiceId,
          programId: input.programId,
          programVersionId: version.id,
          clientId,
          coachId: actor.userId,
          startDate: formatCalendarDay(startDate),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: programEnrolments.id, clientId: programEnrolments.clientId });
    await recordAudit(
      tx,
      rows.map((row) => ({
        practiceId: actor.practiceId,
        actorId: actor.userId,
        action: "program.enrolled" as const,
        subjectUserId: row.clientId,
        entityType: "program_enrolment",
        entityId: row.id,
        metadata: { programId: input.programId, version: version.version, startDate: input.startDate },
        createdAt: now,
      })),
    );
    for (const row of rows) await openDueStepsFor(tx, { practiceId: actor.practiceId, id: row.id }, now);
    const idByClient = new Map(rows.map((row) => [row.clientId, row.id]));
    return { enrolmentIds: clientIds.map((clientId) => idByClient.get(clientId)!) };
  });
}
