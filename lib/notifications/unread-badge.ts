// The header button's count, apart from the rest of lib/notifications so every page's first load carries only this.

/** The button's accessible name: the count is part of it, so a screen reader hears it without the badge. */
export function notificationsButtonLabel(unread: number): string {
  if (unread === 0) return "Notifications";
  return `Notifications, ${unread > UNREAD_SHOWN_MAX ? `more than ${UNREAD_SHOWN_MAX}` : unread} unread`;
}

/**
 * The unread count stops counting here ("9+"): whether each unread notification is still visible is checked row by
 * row (about a dozen index pages each), so the count reads at most ten of them however many pile up.
 */
export const UNREAD_SHOWN_MAX = 9;
