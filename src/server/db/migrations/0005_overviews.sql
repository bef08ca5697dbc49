CREATE TABLE "overviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overviews_group" UNIQUE("group_id")
);
--> statement-breakpoint
CREATE TABLE "placement_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"person_id" uuid,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"national_id_enc" text,
	"national_id_hash" text,
	"national_id_problem" text,
	"birth_date" date,
	"nationality" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"mobile" text DEFAULT '' NOT NULL,
	"home_institution" text DEFAULT '' NOT NULL,
	"study_programme" text DEFAULT '' NOT NULL,
	"placement_site_id" uuid,
	"placement_site_name" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"d_number_enc" text,
	"previous_username" text DEFAULT '' NOT NULL,
	"invalid_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"order_state" text DEFAULT 'not_ordered' NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"added_after_submission" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "row_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"overview_id" uuid NOT NULL,
	"sheet_id" uuid NOT NULL,
	"row_id" uuid,
	"row_label" text,
	"kind" text NOT NULL,
	"field" text,
	"from_value" text,
	"to_value" text,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "row_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"row_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"overview_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"position" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_late" boolean DEFAULT false NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sheets_overview_name" UNIQUE("overview_id","name")
);
--> statement-breakpoint
CREATE TABLE "student_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"cohort" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_groups_trust_institution_programme_cohort" UNIQUE("trust_id","institution_id","programme_id","cohort")
);
--> statement-breakpoint
ALTER TABLE "overviews" ADD CONSTRAINT "overviews_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overviews" ADD CONSTRAINT "overviews_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overviews" ADD CONSTRAINT "overviews_group_id_student_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."student_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overviews" ADD CONSTRAINT "overviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD CONSTRAINT "placement_rows_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD CONSTRAINT "placement_rows_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rows" ADD CONSTRAINT "placement_rows_placement_site_id_placement_sites_id_fk" FOREIGN KEY ("placement_site_id") REFERENCES "public"."placement_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "row_changes" ADD CONSTRAINT "row_changes_overview_id_overviews_id_fk" FOREIGN KEY ("overview_id") REFERENCES "public"."overviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "row_changes" ADD CONSTRAINT "row_changes_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "row_changes" ADD CONSTRAINT "row_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "row_comments" ADD CONSTRAINT "row_comments_row_id_placement_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."placement_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "row_comments" ADD CONSTRAINT "row_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheets" ADD CONSTRAINT "sheets_overview_id_overviews_id_fk" FOREIGN KEY ("overview_id") REFERENCES "public"."overviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheets" ADD CONSTRAINT "sheets_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_groups" ADD CONSTRAINT "student_groups_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_groups" ADD CONSTRAINT "student_groups_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_groups" ADD CONSTRAINT "student_groups_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "overviews_trust_institution" ON "overviews" USING btree ("trust_id","institution_id");--> statement-breakpoint
CREATE INDEX "placement_rows_sheet_position" ON "placement_rows" USING btree ("sheet_id","position");--> statement-breakpoint
CREATE INDEX "placement_rows_person" ON "placement_rows" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placement_rows_names" ON "placement_rows" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "placement_rows_national_id_hash" ON "placement_rows" USING btree ("national_id_hash");--> statement-breakpoint
CREATE INDEX "row_changes_overview_at" ON "row_changes" USING btree ("overview_id","at");--> statement-breakpoint
CREATE INDEX "row_changes_row" ON "row_changes" USING btree ("row_id");--> statement-breakpoint
CREATE INDEX "row_comments_row" ON "row_comments" USING btree ("row_id");