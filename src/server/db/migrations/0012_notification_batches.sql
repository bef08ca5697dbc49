CREATE TABLE "notification_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"notification_id" uuid,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"context" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notification_batches" ADD CONSTRAINT "notification_batches_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_batches" ADD CONSTRAINT "notification_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_batches" ADD CONSTRAINT "notification_batches_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_batches_open" ON "notification_batches" USING btree ("user_id","kind","topic") WHERE "notification_batches"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "notification_batches_due" ON "notification_batches" USING btree ("closes_at") WHERE "notification_batches"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "notification_batches_notification" ON "notification_batches" USING btree ("notification_id");