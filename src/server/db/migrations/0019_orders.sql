CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"sheet_id" uuid NOT NULL,
	"row_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"role" text NOT NULL,
	"profile_version_id" uuid NOT NULL,
	"exception_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"accepted_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ordered_by" uuid,
	"ordered_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"implemented_by" uuid,
	"implemented_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"reject_reason" text,
	"fou_message" text,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"username" text,
	"username_delivery" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"overview_id" uuid NOT NULL,
	"sheet_id" uuid NOT NULL,
	"sheet_name" text NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ordered_by" uuid,
	"ordered_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "username_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"row_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"queued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usernames" (
	"national_id_hash" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "order_lead_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "portal_columns" jsonb;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "portal_status_columns" jsonb;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "app_sends_usernames" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "username_days_before" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_system_id_clinical_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."clinical_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_profile_version_id_access_profile_versions_id_fk" FOREIGN KEY ("profile_version_id") REFERENCES "public"."access_profile_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_implemented_by_users_id_fk" FOREIGN KEY ("implemented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_rejected_by_users_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "username_mails" ADD CONSTRAINT "username_mails_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "username_mails" ADD CONSTRAINT "username_mails_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usernames" ADD CONSTRAINT "usernames_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_lines_row" ON "order_lines" USING btree ("row_id");--> statement-breakpoint
CREATE INDEX "order_lines_person" ON "order_lines" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "order_lines_trust_state_start" ON "order_lines" USING btree ("trust_id","state","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_row_system_live" ON "order_lines" USING btree ("row_id","system_id") WHERE "order_lines"."state" not in ('rejected', 'cancelled');--> statement-breakpoint
CREATE UNIQUE INDEX "orders_trust_number" ON "orders" USING btree ("trust_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_trust_reference" ON "orders" USING btree ("trust_id",lower("reference")) WHERE "orders"."reference" is not null;--> statement-breakpoint
CREATE INDEX "orders_trust_state" ON "orders" USING btree ("trust_id","state","created_at");--> statement-breakpoint
CREATE INDEX "orders_sheet" ON "orders" USING btree ("sheet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "username_mails_row" ON "username_mails" USING btree ("row_id");--> statement-breakpoint
CREATE INDEX "username_mails_due" ON "username_mails" USING btree ("due_on") WHERE "username_mails"."queued_at" is null;