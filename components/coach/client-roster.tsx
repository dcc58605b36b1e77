"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ShowMoreButton } from "@/components/content/list-bits";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { startingWith, type ServerPage } from "@/components/content/first-page";
import { ROSTER_PAGE_SIZE } from "./page-sizes";

type ClientCounts = Pick<RouterOutputs["clients"]["overview"]["items"][number], "open" | "overdue" | "awaitingReview" | "unreadShared">;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What needs the coach's attention for one client, in words; nothing is said by colour alone. */
function attentionFor(counts: ClientCounts): { text: string; tone: "warn" | "accent" | "plain" }[] {
  const items: { text: string; tone: "warn" | "accent" | "plain" }[] = [];
  if (counts.unreadShared > 0) items.push({ text: plural(counts.unreadShared, "new shared answer", "new shared answers"), tone: "accent" });
  if (counts.awaitingReview > 0) items.push({ text: `${plural(counts.awaitingReview, "exercise", "exercises")} to review`, tone: "accent" });
  if (counts.open > 0) items.push({ text: `${counts.open} still open`, tone: "plain" });
  if (counts.overdue > 0) items.push({ text: `${counts.overdue} past the due date`, tone: "warn" });
  return items;
}

const toneClass = {
  accent: "bg-accent-soft text-accent-strong",
  warn: "bg-warn-soft text-warn",
  plain: "bg-stone-100 text-ink",
} as const;

/** The coach's clients, each with what is waiting; each card opens that client's page. */
export function ClientRoster({ firstPage }: { firstPage: ServerPage<RouterOutputs["clients"]["overview"]> }) {
  const trpc = useTRPC();
  const roster = useInfiniteQuery(
    trpc.clients.overview.infiniteQueryOptions({ limit: ROSTER_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor, ...startingWith(firstPage) }),
  );

  if (roster.isPending) return <p className="text-muted">Loading your clients…</p>;
  if (roster.isError)
    return (
      <Notice tone="danger" role="alert">
        We couldn&apos;t load your clients just now. Please refresh the page.
      </Notice>
    );
  const clients = roster.data.pages.flatMap((page) => page.items);
  if (clients.length === 0)
    return <EmptyState title="No clients yet">When you invite someone and they join, they&apos;ll appear here with their exercises.</EmptyState>;

  return (
    <div className="space-y-4">
      <ul className="grid gap-3 sm:grid-cols-2">
        {clients.map((client) => {
          const attention = attentionFor(client);
          return (
            <li key={client.id} className="relative rounded-xl border border-line bg-white p-4 focus-within:border-accent hover:border-accent">
              {/* The link's name stays exactly the client's name; the counts sit beside it, not inside. */}
              <Link
                href={`/coach/clients/${client.id}`}
                // The client's page charts shared answers; only a real opening may load it (and log the view).
                prefetch={false}
                className="font-medium text-accent-strong underline-offset-4 after:absolute after:inset-0 hover:underline"
              >
                {client.name}
              </Link>
              <p className="break-all text-sm text-muted">{client.email}</p>
              {client.disabled ? <p className="mt-1 text-sm text-muted">This account is switched off for now.</p> : null}
              {attention.length > 0 ? (
                <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={`What's waiting with ${client.name}`}>
                  {attention.map((item) => (
                    <li key={item.text} className={`rounded-md px-2 py-0.5 ${toneClass[item.tone]}`}>
                      {item.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-3 text-sm text-muted">Nothing waiting right now.</p>
              )}
            </li>
          );
        })}
      </ul>
      <ShowMoreButton query={roster} />
    </div>
  );
}
