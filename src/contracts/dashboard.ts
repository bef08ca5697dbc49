import { z } from "zod";

/** What the start page shows: counts of what exists, each with the page behind it. */
export const dashboardSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      count: z.number().int(),
      link: z.string(),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
