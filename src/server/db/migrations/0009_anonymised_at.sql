ALTER TABLE "placement_rows" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "anonymised_at" timestamp with time zone;