import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Random UUID primary key: nothing in Hearth depends on ids being contiguous. */
export const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/**
 * Millisecond precision, the same as a JavaScript Date: a keyset cursor built from a row's time then
 * compares equal to that row, whether the time came from the app or from the database's now().
 */
const time = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const createdAt = () => time("created_at").notNull().defaultNow();
export const updatedAt = () => time("updated_at").notNull().defaultNow();
export const at = (name: string) => time(name);
