export type AssignmentStatus = "assigned" | "in_progress" | "submitted" | "reviewed" | "cancelled";
export type ClientBucket = "todo" | "due_soon" | "overdue" | "done";

/**
 * "Due soon" means due within this many days. The home page's words for the section come from
 * this number too, so the section and what it says about itself always agree.
 */
export const DUE_SOON_DAYS = 7;

const isOpen = (status: AssignmentStatus) => status === "assigned" || status === "in_progress";

/** Overdue is derived, never stored: still open and past its due date. */
export function isOverdue(assignment: { status: AssignmentStatus; dueAt: Date | null }, now: Date): boolean {
  return isOpen(assignment.status) && assignment.dueAt !== null && assignment.dueAt < now;
}

/** Which section of the client's home an assignment belongs in. */
export function clientBucket(assignment: { status: AssignmentStatus; dueAt: Date | null }, now: Date): ClientBucket {
  if (!isOpen(assignment.status)) return "done";
  if (isOverdue(assignment, now)) return "overdue";
  if (assignment.dueAt && assignment.dueAt.getTime() - now.getTime() <= DUE_SOON_DAYS * 86_400_000) return "due_soon";
  return "todo";
}
