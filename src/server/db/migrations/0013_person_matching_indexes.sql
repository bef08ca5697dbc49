CREATE INDEX "placement_rows_email" ON "placement_rows" USING btree ("email");--> statement-breakpoint
CREATE INDEX "persons_trust_email" ON "persons" USING btree ("trust_id","email");