CREATE INDEX "placement_rows_start" ON "placement_rows" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "placement_rows_order_attention" ON "placement_rows" USING btree ("order_state") WHERE "placement_rows"."order_state" in ('rejected', 'changed');--> statement-breakpoint
CREATE INDEX "sheets_start" ON "sheets" USING btree ("start_date");