/** How many rows the coach's lists show at first and per "Show more" (the server's first page uses the same). */
export const INBOX_PAGE_SIZE = 20;
export const ROSTER_PAGE_SIZE = 50;
