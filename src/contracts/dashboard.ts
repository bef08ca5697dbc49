import { z } from "zod";

/**
 * Every number the start page can show, defined once: the server sends only these keys, and the
 * web has a text for each in every language (src/web/features/dashboard/lib/items.test.ts).
 */
export const dashboardItemKeySchema = z.enum([
  "overviews",
  "sheetsDue",
  "problemRows",
  "users",
  "agreements",
  "professions",
  "programmes",
  "placementSites",
  "contactFor",
  "institutions",
  "registrationsUnmatched",
  "registrationsUnconfirmed",
  "readyForHrTransfer",
  "studentsNotRegistered",
  "ordersDraft",
  "accessRejected",
  "accessChanged",
  "studentsNotReady",
  "openLines",
  "linesToDeactivate",
  "learningPortalWaiting",
]);
export type DashboardItemKey = z.infer<typeof dashboardItemKeySchema>;

/** What the start page shows: counts of what exists, each with the page listing what it counts. */
export const dashboardSchema = z.object({
  items: z.array(
    z.object({
      key: dashboardItemKeySchema,
      count: z.number().int(),
      link: z.string(),
      /** The trust a number counts, where the caller's numbers span several (the IT provider's open lines per trust). */
      trust: z.string().optional(),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
