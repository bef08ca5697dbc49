CREATE TABLE "learning_portal_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"to_address" text NOT NULL,
	"person_count" integer NOT NULL,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_portal_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "expiry_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"row_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"end_date" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "order_lines_row_system_live";--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "change_type" text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "replaces_line_id" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "changes" jsonb;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "changed_by" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "superseded_by" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "deactivation_reason" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "deactivate_from" date;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "deactivation_note" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "scheduled_deactivation_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "deactivated_by" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "extended_from" date;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "extended_by" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "extension_done_by" uuid;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "extension_done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "withdrawn_by" uuid;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "end_date_before_extension" date;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "extended_by" uuid;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD COLUMN "extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "extension_max_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_portal_batches" ADD CONSTRAINT "learning_portal_batches_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_portal_batches" ADD CONSTRAINT "learning_portal_batches_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_portal_requests" ADD CONSTRAINT "learning_portal_requests_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_portal_requests" ADD CONSTRAINT "learning_portal_requests_batch_id_learning_portal_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."learning_portal_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_portal_requests" ADD CONSTRAINT "learning_portal_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_portal_requests" ADD CONSTRAINT "learning_portal_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expiry_reminders" ADD CONSTRAINT "expiry_reminders_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_portal_batches_trust" ON "learning_portal_batches" USING btree ("trust_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_portal_requests_person" ON "learning_portal_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "learning_portal_requests_batch" ON "learning_portal_requests" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expiry_reminders_once" ON "expiry_reminders" USING btree ("row_id","days_before","end_date");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_superseded_by_users_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_deactivated_by_users_id_fk" FOREIGN KEY ("deactivated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_extension_done_by_users_id_fk" FOREIGN KEY ("extension_done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_row_system_current" ON "order_lines" USING btree ("row_id","system_id") WHERE "order_lines"."state" in ('draft', 'ordered', 'approved', 'implemented', 'extended');--> statement-breakpoint
CREATE INDEX "order_lines_granted_ending" ON "order_lines" USING btree ("valid_to") WHERE "order_lines"."state" in ('ordered', 'approved', 'implemented', 'extended');--> statement-breakpoint
CREATE INDEX "order_lines_person_system" ON "order_lines" USING btree ("person_id","system_id","valid_from");