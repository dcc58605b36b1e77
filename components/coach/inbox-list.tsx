"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ShowMoreButton } from "@/components/content/list-bits";
import { LocalDate } from "@/components/dates/local-date";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { startingWith, type ServerPage } from "@/components/content/first-page";
import { INBOX_PAGE_SIZE } from "./page-sizes";
import { quoteTitle } from "@/lib/text/quote-title";

/**
 * Newly shared answers across the coach's clients, newest first. Unread rows are marked by a dot,
 * bold text AND the word "New", so the difference never rests on colour alone.
 */
export function InboxList({ firstPage }: { firstPage: ServerPage<RouterOutputs["inbox"]["list"]> }) {
  const trpc = useTRPC();
  const inbox = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions({ limit: INBOX_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor, staleTime: 0, ...startingWith(firstPage) }),
  );
  if (inbox.isPending) return <p className="text-muted">Loading your inbox…</p>;
  if (inbox.isError)
    return (
      <Notice tone="danger" role="alert">
        We couldn&apos;t load your inbox just now. Please refresh the page.
      </Notice>
    );
  const rows = inbox.data.pages.flatMap((page) => page.items);
  if (rows.length === 0)
    return <EmptyState title="Nothing new">When a client shares an answer with you, it will arrive here.</EmptyState>;

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-line rounded-xl border border-line bg-white">
        {rows.map((item) => (
          <li key={item.answerId} className={`relative flex gap-3 p-4 focus-within:bg-stone-50 hover:bg-stone-50 ${item.unread ? "bg-accent-soft/40" : ""}`}>
            <span aria-hidden="true" className={`mt-2 h-2.5 w-2.5 shrink-0 rounded-full ${item.unread ? "bg-accent-strong" : "bg-transparent"}`} />
            <div className="min-w-0 flex-1">
              <p className={item.unread ? "font-semibold" : "font-normal"}>
                {item.unread ? <span className="mr-2 rounded bg-accent-strong px-1.5 py-0.5 text-xs font-medium text-white">New</span> : null}
                <Link
                  href={`/coach/assignments/${item.assignmentId}#answer-${item.answerId}`}
                  // Shared answers are shown, and their view logged, only on a real opening, never by a prefetch.
                  prefetch={false}
                  className="text-ink underline-offset-4 after:absolute after:inset-0 hover:underline"
                >
                  {item.clientName} shared an answer from {quoteTitle(item.exerciseTitle)}
                </Link>
              </p>
              <p className="mt-1 truncate text-sm text-muted">{item.promptLabel}</p>
              {item.firstLine ? <p className="mt-1 line-clamp-2 break-words text-sm text-ink">“{item.firstLine}”</p> : null}
              <p className="mt-1 text-xs text-muted">
                <LocalDate date={item.sharedAt} variant="moment" prefix="Shared " />
                {item.unread ? null : " · Seen"}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <ShowMoreButton query={inbox} />
    </div>
  );
}
