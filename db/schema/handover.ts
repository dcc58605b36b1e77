import { index, pgTable, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { practices, users } from "./people";

/**
 * The calm note a client sees on their home page after an admin moves them to another coach:
 * who their coach is now, and that what they had shared is private again. Shown until dismissed.
 */
export const handoverNotices = pgTable(
  "handover_notices",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    clientId: uuid("client_id").notNull().references(() => users.id),
    fromCoachId: uuid("from_coach_id").notNull().references(() => users.id),
    toCoachId: uuid("to_coach_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    dismissedAt: at("dismissed_at"),
  },
  (t) => [index("handover_notices_client_idx").on(t.practiceId, t.clientId, t.createdAt)],
);
