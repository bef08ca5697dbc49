ALTER TABLE "trusts" ADD COLUMN "naming_document" text DEFAULT '{institution} {programme} kull {cohort}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "naming_sheet" text DEFAULT '{label} {n}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "naming_international_sheet" text DEFAULT 'Internasjonale – {label} {n}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trusts" ADD COLUMN "naming_file" text DEFAULT 'Praksisoversikt {institution} {programme} kull {cohort}.xlsx' NOT NULL;