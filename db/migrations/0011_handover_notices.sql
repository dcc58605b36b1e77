CREATE TABLE "handover_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"from_coach_id" uuid NOT NULL,
	"to_coach_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "handover_notices" ADD CONSTRAINT "handover_notices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_notices" ADD CONSTRAINT "handover_notices_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_notices" ADD CONSTRAINT "handover_notices_from_coach_id_users_id_fk" FOREIGN KEY ("from_coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_notices" ADD CONSTRAINT "handover_notices_to_coach_id_users_id_fk" FOREIGN KEY ("to_coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handover_notices_client_idx" ON "handover_notices" USING btree ("practice_id","client_id","created_at");