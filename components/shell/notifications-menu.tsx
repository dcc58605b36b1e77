"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ShowMoreButton } from "@/components/content/list-bits";
import { LocalDate } from "@/components/dates/local-date";
import { useTRPC } from "@/components/trpc/client";
import { notificationHref, notificationsButtonLabel, notificationSentence, UNREAD_SHOWN_MAX } from "@/lib/notifications/in-app";

/** How often the unread count is asked for while the page is open (and again whenever the window gets focus). */
const UNREAD_REFRESH_MS = 60_000;
const SHOWN_AT_ONCE = 10;

/**
 * The notifications button in the header: its accessible name carries the unread count ("Notifications, 3 unread"),
 * a badge shows it (its space is always kept, so nothing moves when it appears). Opening it lists the latest
 * notifications, each a link to its place, and marks what it shows as read. A disclosure, not an ARIA menu: the
 * panel follows the button in the tab order; Escape closes it and returns focus to the button.
 */
export function NotificationsMenu({ initialUnread }: { initialUnread: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Ids already marked read from this page: a reopened menu first shows its previous list while it refreshes.
  const requested = useRef(new Set<string>());

  const unreadKey = trpc.notifications.unreadCount.queryKey({});
  const unread = useQuery(
    trpc.notifications.unreadCount.queryOptions(
      {},
      // The first count came with the page; after that, on focus and every minute.
      { initialData: { count: initialUnread }, refetchOnMount: false, staleTime: 0, refetchOnWindowFocus: true, refetchInterval: UNREAD_REFRESH_MS },
    ),
  );
  const count = unread.data.count;

  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions({ limit: SHOWN_AT_ONCE }, { enabled: open, staleTime: 0, getNextPageParam: (page) => page.nextCursor }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({ onSettled: () => void queryClient.invalidateQueries({ queryKey: unreadKey }) }),
  );
  const { mutate } = markRead;

  // What the open menu shows is read: the badge drops at once, the server is told, the count is asked for again.
  // The items keep their "New" mark while the menu stays open.
  useEffect(() => {
    if (!open || !list.data) return;
    const ids = list.data.pages.flatMap((page) => page.items).filter((n) => !n.read && !requested.current.has(n.id)).map((n) => n.id);
    if (ids.length === 0) return;
    ids.forEach((id) => requested.current.add(id));
    queryClient.setQueryData(unreadKey, (old: { count: number } | undefined) => ({ count: Math.max(0, (old?.count ?? 0) - ids.length) }));
    mutate({ ids });
  }, [open, list.data, mutate, queryClient, unreadKey]);

  // A click anywhere outside closes the panel (focus stays where the click put it).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };

  const toggle = () => setOpen(!open);

  return (
    <div ref={wrapper} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={notificationsButtonLabel(count)}
        onClick={toggle}
        className="flex items-center gap-1.5 rounded-lg border border-line px-2.5 py-1.5 text-ink hover:bg-stone-100"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 9a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9Z" />
          <path d="M10 19a2 2 0 0 0 4 0" />
        </svg>
        <span className="hidden sm:inline">Notifications</span>
        <span
          aria-hidden="true"
          className={`inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-xs font-semibold ${count > 0 ? "bg-accent-strong text-white" : "invisible"}`}
        >
          {count > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : count}
        </span>
      </button>
      <div
        id={panelId}
        role="region"
        aria-label="Your notifications"
        hidden={!open}
        // On a phone the panel spans the screen under the header; wider, it hangs from the button.
        className="fixed inset-x-4 top-16 z-40 rounded-xl border border-line bg-white p-2 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-auto sm:mt-2 sm:w-96"
      >
        {open ? <Panel list={list} items={items} onFollow={() => setOpen(false)} /> : null}
      </div>
    </div>
  );
}

type Items = Parameters<typeof notificationSentence>[0] & { id: string; createdAt: Date; read: boolean };

function Panel({ list, items, onFollow }: { list: { isPending: boolean; isError: boolean } & Parameters<typeof ShowMoreButton>[0]["query"]; items: Items[]; onFollow: () => void }) {
  if (list.isPending) return <p className="p-3 text-sm text-muted">Loading your notifications…</p>;
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
