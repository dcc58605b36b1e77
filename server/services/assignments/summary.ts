import "server-only";
import { assignments } from "@/db/schema";
import { isOverdue } from "@/lib/assignments/status";

type AssignmentRow = typeof assignments.$inferSelect;

/** What every view of an assignment says of it: what was assigned, when, and how far it has come. */
export type AssignmentSummary = Pick<
  AssignmentRow,
  "id" | "exerciseId" | "status" | "dueAt" | "note" | "createdAt" | "submittedAt" | "reviewedAt" | "cancelledAt"
> & { overdue: boolean };

/** The columns of a summary, to spread into a select; `overdue` is added with `withOverdue`. */
export const assignmentSummaryColumns = {
  id: assignments.id,
  exerciseId: assignments.exerciseId,
  status: assignments.status,
  dueAt: assignments.dueAt,
  note: assignments.note,
  createdAt: assignments.createdAt,
  submittedAt: assignments.submittedAt,
  reviewedAt: assignments.reviewedAt,
  cancelledAt: assignments.cancelledAt,
};

/** A row with whether it is overdue: derived from the due date and status, never stored. */
export function withOverdue<Row extends Pick<AssignmentRow, "status" | "dueAt">>(row: Row, now: Date): Row & { overdue: boolean } {
  return { ...row, overdue: isOverdue(row, now) };
}

/** The summary of a whole assignment row (as loadAssignment returns it). */
export function assignmentSummary(a: AssignmentRow, now: Date): AssignmentSummary {
  const { id, exerciseId, status, dueAt, note, createdAt, submittedAt, reviewedAt, cancelledAt } = a;
  return withOverdue({ id, exerciseId, status, dueAt, note, createdAt, submittedAt, reviewedAt, cancelledAt }, now);
}
