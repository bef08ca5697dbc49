CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"national_id_enc" text,
	"national_id_hash" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_date" date,
	"email" text,
	"email_confirmed_at" timestamp with time zone,
	"mobile" text,
	"username" text,
	"hr_transferred_at" timestamp with time zone,
	"learning_portal_state" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_trust_national_id_hash" ON "persons" USING btree ("trust_id","national_id_hash") WHERE "persons"."national_id_hash" is not null;--> statement-breakpoint
CREATE INDEX "persons_trust_name" ON "persons" USING btree ("trust_id","last_name","first_name");