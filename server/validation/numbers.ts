import "server-only";
import { z } from "zod";

/** A whole number between min and max (inclusive). */
export const wholeNumber = (min: number, max: number, message?: string) =>
  z.number(message === undefined ? undefined : { error: message }).int(message).min(min, message).max(max, message);

/** Draft revisions and answer versions: counters, far below this in any real use. */
export const COUNTER_MAX = 1_000_000_000;
/** An edit's revision, as the editor last read it. */
export const revisionSchema = wholeNumber(1, COUNTER_MAX);
/** A published exercise version. */
export const versionSchema = wholeNumber(1, 1_000_000);

/** How many rows a page of a list may ask for; `byDefault` when it doesn't say. */
export const pageLimit = (byDefault: number) => wholeNumber(1, 100).default(byDefault);
