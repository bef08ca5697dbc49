CREATE INDEX "order_lines_open_start" ON "order_lines" USING btree ("valid_from","trust_id") WHERE "order_lines"."state" in ('ordered', 'approved');--> statement-breakpoint
CREATE INDEX "placement_rows_end" ON "placement_rows" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "placement_rows_problems" ON "placement_rows" USING btree ("sheet_id") WHERE "placement_rows"."error_count" > 0;--> statement-breakpoint
CREATE INDEX "sheets_end" ON "sheets" USING btree ("end_date");