-- Each coach and each client belongs to one practice, but the planner takes `practice_id = $1 and coach_id = $2` as
-- two independent filters and expects practices-times fewer rows than there are (144 for a coach with 3,001 shared
-- answers at full scale). Expecting few rows, it sorted a coach's whole inbox instead of reading its index in
-- order. Functional-dependency statistics tell it that the person implies the practice (issue 12).
CREATE STATISTICS IF NOT EXISTS "answers_practice_people_stats" (dependencies) ON "practice_id", "coach_id", "client_id" FROM "answers";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "assignments_practice_people_stats" (dependencies) ON "practice_id", "coach_id", "client_id" FROM "assignments";--> statement-breakpoint
ANALYZE "answers";--> statement-breakpoint
ANALYZE "assignments";
