"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ShowMoreButton } from "@/components/content/list-bits";
import { AssignmentStatusBadge } from "@/components/assignments/status-badge";
import { LocalDate } from "@/components/dates/local-date";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/** Every exercise this coach gave one client, newest first: status, due date and what was shared. */
export function ClientTimeline({ clientId, clientName }: { clientId: string; clientName: string }) {
  const trpc = useTRPC();
  const timeline = useInfiniteQuery(
    trpc.assignments.listForCoach.infiniteQueryOptions({ clientId, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  if (timeline.isPending) return <p className="text-muted">Loading exercises…</p>;
  if (timeline.isError)
    return (
      <Notice tone="danger" role="alert">
        We couldn&apos;t load the exercises just now. Please refresh the page.
      </Notice>
    );
  const rows = timeline.data.pages.flatMap((page) => page.items);
  if (rows.length === 0)
    return <EmptyState title="No exercises yet">When you assign {clientName} an exercise, it will show here.</EmptyState>;

  return (
    <div className="space-y-4">
      <ol className="space-y-3">
        {rows.map((row) => {
          const finished = row.status === "submitted" || row.status === "reviewed";
          return (
            <li key={row.id} className="rounded-xl border border-line bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`/coach/assignments/${row.id}`} prefetch={false} className="font-medium text-accent-strong underline underline-offset-4">
                  {row.title}
                </Link>
                <AssignmentStatusBadge status={row.status} />
              </div>
              <p className="mt-1 text-sm text-muted">
                <LocalDate date={row.createdAt} prefix="Assigned " />
                {row.dueAt && row.status !== "cancelled" ? (
                  <>
                    {" · "}
                    <LocalDate date={row.dueAt} variant={finished ? "due-done" : "due"} />
                  </>
                ) : null}
                {row.submittedAt ? (
                  <>
                    {" · "}
                    <LocalDate date={row.submittedAt} prefix="submitted " />
                  </>
                ) : null}
              </p>
              {finished ? (
                <p className="mt-1 text-sm">
                  {row.sharedCount === 0
                    ? `${clientName} kept their answers private.`
                    : `${clientName} shared ${row.sharedCount} ${row.sharedCount === 1 ? "answer" : "answers"} with you.`}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <ShowMoreButton query={timeline} />
    </div>
  );
}
