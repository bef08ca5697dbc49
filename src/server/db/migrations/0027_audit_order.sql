DROP INDEX "audit_events_trust_at";--> statement-breakpoint
DROP INDEX "audit_events_trust_entity_at";--> statement-breakpoint
CREATE INDEX "audit_events_trust_at_id" ON "audit_events" USING btree ("trust_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_trust_entity_at_id" ON "audit_events" USING btree ("trust_id","entity","at","id");