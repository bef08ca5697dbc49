ALTER TYPE "public"."identity_provider_kind" ADD VALUE 'idporten';--> statement-breakpoint
CREATE TABLE "idporten_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"national_id_enc" text NOT NULL,
	"national_id_hash" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idporten_logins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"state_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idporten_identities" ADD CONSTRAINT "idporten_identities_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idporten_identities" ADD CONSTRAINT "idporten_identities_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idporten_logins" ADD CONSTRAINT "idporten_logins_provider_id_identity_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idporten_logins" ADD CONSTRAINT "idporten_logins_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idporten_identities_token" ON "idporten_identities" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "idporten_identities_expires" ON "idporten_identities" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "idporten_logins_state" ON "idporten_logins" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "idporten_logins_expires" ON "idporten_logins" USING btree ("expires_at");