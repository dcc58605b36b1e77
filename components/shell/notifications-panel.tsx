"use client";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, type RefObject } from "react";
import { ShowMoreButton } from "@/components/content/list-bits";
import { LocalDate } from "@/components/dates/local-date";
import { useTRPC } from "@/components/trpc/client";
import { EnsureDataProvider } from "@/components/trpc/provider";
import { notificationHref, notificationSentence } from "@/lib/notifications/in-app";
import { LOADING_NOTIFICATIONS } from "./notifications-copy";

const SHOWN_AT_ONCE = 10;

type PanelProps = {
  requested: RefObject<Set<string>>;
  onFollow: () => void;
  /** How many were just marked read: the badge drops at once. */
  onMarkedRead: (howMany: number) => void;
  /** The server has been told: time to ask for the count again. */
  onMarkSettled: () => void;
};

/** The panel, with TanStack Query provided where the page has none (the client's pages, decision 0033). */
export function NotificationsPanelWithData(props: PanelProps) {
  return (
    <EnsureDataProvider>
      <NotificationsPanel {...props} />
    </EnsureDataProvider>
  );
}

/**
 * The open notifications menu: the latest notifications, each a link to its place. What it shows is marked read.
 * `requested` holds the ids already marked from this page; it outlives the panel, so reopening the menu (which
 * first shows its previous list while that refreshes, or on the client's pages, where the list's cache closes with
 * it, loads it again) doesn't mark or count them twice.
 */
function NotificationsPanel({ requested, onFollow, onMarkedRead, onMarkSettled }: PanelProps) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions({ limit: SHOWN_AT_ONCE }, { staleTime: 0, getNextPageParam: (page) => page.nextCursor }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const { mutate } = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: onMarkSettled }));

  // The badge drops at once, the server is told, the count is asked for again. The items keep their "New" mark
  // while the menu stays open.
  useEffect(() => {
    if (!list.data) return;
    const ids = list.data.pages.flatMap((page) => page.items).filter((n) => !n.read && !requested.current.has(n.id)).map((n) => n.id);
    if (ids.length === 0) return;
    ids.forEach((id) => requested.current.add(id));
    onMarkedRead(ids.length);
    mutate({ ids });
  }, [list.data, mutate, onMarkedRead, requested]);

  if (list.isPending) return <p className="p-3 text-sm text-muted">{LOADING_NOTIFICATIONS}</p>;
  if (list.isError)
    return (
      <p role="alert" className="p-3 text-sm text-ink">
        We couldn&apos;t load your notifications just now. Please try again in a moment.
      </p>
    );
  if (items.length === 0) return <p className="p-3 text-sm text-muted">Nothing new for now. When something happens, you&apos;ll find it here.</p>;
  return (
    <>
      <ul className="max-h-[70vh] divide-y divide-line overflow-y-auto">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={notificationHref(item)}
              // The coach's review page records a view of shared answers: only a real opening, never a prefetch.
              prefetch={false}
              onClick={onFollow}
              className="block rounded-lg px-3 py-2.5 text-sm text-ink hover:bg-stone-50 focus-visible:bg-stone-50"
            >
              <span className={item.read ? "" : "font-semibold"}>
                {item.read ? null : (
                  <>
                    <span className="mr-1 rounded bg-accent-strong px-1.5 py-0.5 text-xs font-medium text-white">New</span>{" "}
                  </>
                )}
                {notificationSentence(item)}
              </span>
              <span className="mt-0.5 block text-xs text-muted">
                <LocalDate date={item.createdAt} variant="moment" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <ShowMoreButton query={list} className="m-2" />
    </>
  );
}
