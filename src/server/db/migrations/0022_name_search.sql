-- Trigram indexes for search by a part of a name; pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "placement_rows_last_name_trgm" ON "placement_rows" USING gin ("last_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "placement_rows_first_name_trgm" ON "placement_rows" USING gin ("first_name" gin_trgm_ops);