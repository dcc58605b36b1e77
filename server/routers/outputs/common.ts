import "server-only";
import { z } from "zod";
import { nameCursorSchema, timeCursorSchema } from "../../services/pagination";

/**
 * Output schemas: what a procedure may send about a client to someone else, and nothing more. Every
 * object is strict, so a field a service starts returning by mistake (an answer's text, a private
 * note) makes the procedure fail with INTERNAL_SERVER_ERROR instead of reaching the browser. Output
 * validation runs before the wire transformer, so dates are Date objects here. Ids are plain strings: they come
 * from the database, and checking their format on every row of a list buys no privacy.
 */
export const id = z.string();
export const count = z.number().int().min(0);

/** A keyset page, (time, id) cursor. */
export const keysetPage = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), nextCursor: timeCursorSchema.nullable() });
/** A page of an alphabetical list, (name, id) cursor. */
export const namePage = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), nextCursor: nameCursorSchema.nullable() });

export const idOnly = z.strictObject({ id });

/** What a recordView mutation reports: answers shown, and how many new access-log events that made. */
export const viewRecorded = z.strictObject({ viewed: count, recorded: count });
