-- The rows held the e-mail as typed. They are counters for the last 15 minutes, so they go instead of being hashed.
DELETE FROM "login_failures";--> statement-breakpoint
DROP INDEX "login_failures_email_at";--> statement-breakpoint
ALTER TABLE "login_failures" ADD COLUMN "email_hash" text NOT NULL;--> statement-breakpoint
CREATE INDEX "login_failures_email_hash_at" ON "login_failures" USING btree ("email_hash","at");--> statement-breakpoint
CREATE INDEX "login_failures_at" ON "login_failures" USING btree ("at");--> statement-breakpoint
ALTER TABLE "login_failures" DROP COLUMN "email";