import type { RouterOutputs } from "@/components/trpc/outputs";

/** An assignment's status, as the assignments procedures return it. */
export type AssignmentStatus = RouterOutputs["assignments"]["get"]["assignment"]["status"];

export const assignmentStatusLabel: Record<AssignmentStatus, string> = {
  assigned: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
  reviewed: "Reviewed",
  cancelled: "Cancelled",
};

const tones: Record<AssignmentStatus, string> = {
  assigned: "border-line bg-white text-ink",
  in_progress: "border-accent/40 bg-accent-soft text-accent-strong",
  submitted: "border-accent/60 bg-accent-soft text-accent-strong",
  reviewed: "border-accent bg-accent text-white",
  cancelled: "border-line bg-stone-100 text-muted",
};

export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tones[status]}`}>{assignmentStatusLabel[status]}</span>;
}
