-- Added nullable, filled from each row's person, then required (decision 0030: every tenant table keyed by practice).
ALTER TABLE "recovery_codes" ADD COLUMN "practice_id" uuid;--> statement-breakpoint
ALTER TABLE "email_preferences" ADD COLUMN "practice_id" uuid;--> statement-breakpoint
UPDATE "recovery_codes" SET "practice_id" = "users"."practice_id" FROM "users" WHERE "users"."id" = "recovery_codes"."user_id";--> statement-breakpoint
UPDATE "email_preferences" SET "practice_id" = "users"."practice_id" FROM "users" WHERE "users"."id" = "email_preferences"."user_id";--> statement-breakpoint
ALTER TABLE "recovery_codes" ALTER COLUMN "practice_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "email_preferences" ALTER COLUMN "practice_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_preferences" ADD CONSTRAINT "email_preferences_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_codes_practice_user_idx" ON "recovery_codes" USING btree ("practice_id","user_id");--> statement-breakpoint
CREATE INDEX "email_preferences_practice_user_idx" ON "email_preferences" USING btree ("practice_id","user_id","kind");
