CREATE TABLE "access_profile_items" (
	"version_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "access_profile_items_version_id_system_id_pk" PRIMARY KEY("version_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "access_profile_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"limits" text DEFAULT '' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_profile_versions_profile_version" UNIQUE("profile_id","version")
);
--> statement-breakpoint
CREATE TABLE "access_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"profession_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinical_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"name" text NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_profile_items" ADD CONSTRAINT "access_profile_items_version_id_access_profile_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."access_profile_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_profile_items" ADD CONSTRAINT "access_profile_items_system_id_clinical_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."clinical_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_profile_versions" ADD CONSTRAINT "access_profile_versions_profile_id_access_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."access_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_profile_versions" ADD CONSTRAINT "access_profile_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_profiles" ADD CONSTRAINT "access_profiles_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_profiles" ADD CONSTRAINT "access_profiles_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_systems" ADD CONSTRAINT "clinical_systems_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_profile_items_system" ON "access_profile_items" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "access_profiles_current_profession" ON "access_profiles" USING btree ("trust_id","profession_id") WHERE "access_profiles"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_systems_trust_name" ON "clinical_systems" USING btree ("trust_id",lower("name"));--> statement-breakpoint
-- An access profile's versions and their items are insert-only: an order line that names a version always finds what was ordered.
CREATE FUNCTION access_profile_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_profile_versions_insert_only BEFORE UPDATE OR DELETE ON access_profile_versions
  FOR EACH ROW EXECUTE FUNCTION access_profile_versions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER access_profile_items_insert_only BEFORE UPDATE OR DELETE ON access_profile_items
  FOR EACH ROW EXECUTE FUNCTION access_profile_versions_refuse_change();
