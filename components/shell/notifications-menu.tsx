"use client";
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { notificationsButtonLabel, UNREAD_SHOWN_MAX } from "@/lib/notifications/unread-badge";
import { LOADING_NOTIFICATIONS } from "./notifications-copy";
import { useUnreadCount } from "./use-unread-count";

// The list is code of its own, fetched when the menu is first opened (or about to be: hover, focus), so the
// pages don't carry it on their first load. React's lazy rather than next/dynamic, whose loader costs more
// than it saves here; the panel is only ever shown after a click, so it needn't render on the server.
// It brings TanStack Query along where the page has none (the client's pages, decision 0033).
const loadPanel = () => import("./notifications-panel").then((m) => ({ default: m.NotificationsPanelWithData }));
const NotificationsPanel = lazy(loadPanel);

/**
 * The notifications button in the header: its accessible name carries the unread count ("Notifications, 3 unread"),
 * a badge shows it (its space is always kept, so nothing moves when it appears). Opening it lists the latest
 * notifications, each a link to its place, and marks what it shows as read. A disclosure, not an ARIA menu: the
 * panel follows the button in the tab order; Escape closes it and returns focus to the button.
 */
export function NotificationsMenu({ initialUnread }: { initialUnread: number }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Ids already marked read from this page: a reopened menu first shows its previous list while it refreshes.
  const requested = useRef(new Set<string>());

  const { count, refresh, markedRead } = useUnreadCount(initialUnread);

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
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
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
        {open ? (
          <Suspense fallback={<p className="p-3 text-sm text-muted">{LOADING_NOTIFICATIONS}</p>}>
            <NotificationsPanel requested={requested} onFollow={() => setOpen(false)} onMarkedRead={markedRead} onMarkSettled={refresh} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
