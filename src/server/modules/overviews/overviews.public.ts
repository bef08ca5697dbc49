/**
 * What other modules may use of the overviews module: its use-cases' type (the dashboard counts
 * the listed documents' sheets), the persons module's links (where a person appears), and what the
 * retention job reads and changes of the rows.
 */
export type { OverviewsUsecases } from "./overviews.usecases.ts";
export { createPersonLinks } from "./person-links.repository.ts";
export { createRowRetentionRepository } from "./retention.repository.ts";
