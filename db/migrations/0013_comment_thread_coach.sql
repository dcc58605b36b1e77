DROP INDEX "answer_comments_answer_idx";--> statement-breakpoint
ALTER TABLE "answer_comments" ADD COLUMN "coach_id" uuid;--> statement-breakpoint
-- Existing threads were with the coach the assignment has now.
UPDATE "answer_comments" SET "coach_id" = "assignments"."coach_id" FROM "assignments" WHERE "assignments"."id" = "answer_comments"."assignment_id";--> statement-breakpoint
ALTER TABLE "answer_comments" ALTER COLUMN "coach_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_comments" ADD CONSTRAINT "answer_comments_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_comments_answer_idx" ON "answer_comments" USING btree ("answer_id","coach_id","created_at","id");
