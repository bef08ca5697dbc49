CREATE TABLE "campaign_personal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"note" text NOT NULL,
	"valid_until" date NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"overview_id" uuid,
	"sheet_id" uuid,
	"name" text NOT NULL,
	"deadline" date NOT NULL,
	"closed_at" timestamp with time zone,
	"token_salt" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hr_transfer_export_persons" (
	"export_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "hr_transfer_export_persons_export_id_person_id_pk" PRIMARY KEY("export_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "hr_transfer_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"format" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"marked_at" timestamp with time zone,
	"marked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "registration_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"source" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"mobile" text,
	"national_id_enc" text,
	"national_id_hash" text,
	"birth_date" date,
	"nationality" text,
	"home_institution" text,
	"earlier_username" text,
	"language" "language" DEFAULT 'nb' NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"person_id" uuid,
	"matched_by" text,
	"matched_at" timestamp with time zone,
	"matched_row_id" uuid,
	"fou_confirmed_at" timestamp with time zone,
	"fou_confirmed_by" uuid,
	"supersedes_id" uuid,
	"applied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "registered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "unmatched_registration_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "hr_transfer_columns" jsonb;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "webcruiter_columns" jsonb;--> statement-breakpoint
ALTER TABLE "campaign_personal_links" ADD CONSTRAINT "campaign_personal_links_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_personal_links" ADD CONSTRAINT "campaign_personal_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_overview_id_overviews_id_fk" FOREIGN KEY ("overview_id") REFERENCES "public"."overviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_transfer_export_persons" ADD CONSTRAINT "hr_transfer_export_persons_export_id_hr_transfer_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."hr_transfer_exports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_transfer_export_persons" ADD CONSTRAINT "hr_transfer_export_persons_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_transfer_exports" ADD CONSTRAINT "hr_transfer_exports_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_transfer_exports" ADD CONSTRAINT "hr_transfer_exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_transfer_exports" ADD CONSTRAINT "hr_transfer_exports_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_reminders" ADD CONSTRAINT "registration_reminders_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_tokens" ADD CONSTRAINT "registration_tokens_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_matched_row_id_placement_rows_id_fk" FOREIGN KEY ("matched_row_id") REFERENCES "public"."placement_rows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_fou_confirmed_by_users_id_fk" FOREIGN KEY ("fou_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_personal_links_token_hash" ON "campaign_personal_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "campaign_personal_links_campaign" ON "campaign_personal_links" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_token_hash" ON "campaigns" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "campaigns_trust_institution" ON "campaigns" USING btree ("trust_id","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_reminders_once" ON "registration_reminders" USING btree ("campaign_id","kind","recipient_key");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_tokens_hash" ON "registration_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "registration_tokens_registration" ON "registration_tokens" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "registrations_campaign" ON "registrations" USING btree ("campaign_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "registrations_trust_person" ON "registrations" USING btree ("trust_id","person_id");--> statement-breakpoint
CREATE INDEX "registrations_trust_national_id_hash" ON "registrations" USING btree ("trust_id","national_id_hash") WHERE "registrations"."national_id_hash" is not null;--> statement-breakpoint
CREATE INDEX "registrations_trust_email" ON "registrations" USING btree ("trust_id","email");