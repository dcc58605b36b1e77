/** Whom a page's dates are written for: their saved time zone, and the moment the page is written. */
export type ReaderTime = { timeZone: string; now: Date };
