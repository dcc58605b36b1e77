CREATE TABLE "email_directory" (
	"email" text PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
-- Every existing user gets their entry (decision 0030); from here on the app writes it with the user.
INSERT INTO "email_directory" ("email", "practice_id", "user_id") SELECT lower("email"), "practice_id", "id" FROM "users";
