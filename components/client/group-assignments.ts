import type { RouterOutputs } from "@/components/trpc/outputs";
import { DUE_SOON_DAYS } from "@/lib/assignments/status";

/**
 * The client's home sections, in reading order, each sorted the way a person would look for things:
 * the nearest due date first; finished ones most recent first.
 */
type ClientCard = RouterOutputs["assignments"]["listForClient"]["items"][number];

export type HomeBucket = ClientCard["bucket"];

/** What sorting needs of a card of assignments.listForClient. */
export type HomeCard = Pick<ClientCard, "id" | "bucket" | "dueAt" | "createdAt" | "submittedAt">;

export const homeSections: { bucket: HomeBucket; title: string; empty: string; intro?: string }[] = [
  { bucket: "todo", title: "To do", empty: "Nothing waiting here." },
  { bucket: "due_soon", title: "Due soon", empty: `Nothing due in the next ${DUE_SOON_DAYS} days.` },
  {
    bucket: "overdue",
    title: "Overdue",
    empty: "Nothing past its due date.",
    intro: "These are past their due date, and that's okay. They're still open whenever you're ready.",
  },
  { bucket: "done", title: "Done", empty: "Exercises you submit will be kept here." },
];

const time = (date: Date | null, fallback: number) => (date ? date.getTime() : fallback);

function compare(bucket: HomeBucket, a: HomeCard, b: HomeCard): number {
  if (bucket === "done") return time(b.submittedAt, 0) - time(a.submittedAt, 0) || b.createdAt.getTime() - a.createdAt.getTime();
  // Undated ones after dated ones; then the newest assignment first.
  const byDue = time(a.dueAt, Number.POSITIVE_INFINITY) - time(b.dueAt, Number.POSITIVE_INFINITY);
  if (byDue !== 0 && Number.isFinite(byDue)) return byDue;
  if (a.dueAt && !b.dueAt) return -1;
  if (!a.dueAt && b.dueAt) return 1;
  return b.createdAt.getTime() - a.createdAt.getTime();
}

export function groupForHome<T extends HomeCard>(cards: T[]): { bucket: HomeBucket; title: string; empty: string; intro?: string; items: T[] }[] {
  return homeSections.map((section) => ({
    ...section,
    items: cards.filter((card) => card.bucket === section.bucket).sort((a, b) => compare(section.bucket, a, b)),
  }));
}
