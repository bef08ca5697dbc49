import { z } from "zod";
import { isoDate, uuidSchema } from "./common.ts";

/** Search for students by name (GET /api/search). */
export const searchQuery = z.object({ q: z.string().trim().min(2).max(100) });
/** How many rows a search answers; the rest are told of by `more`. */
export const searchLimit = 50;
export const searchResultSchema = z.object({
  results: z.array(
    z.object({
      rowId: uuidSchema,
      lastName: z.string(),
      firstName: z.string(),
      sheetId: uuidSchema,
      sheetName: z.string(),
      overviewId: uuidSchema,
      overviewName: z.string(),
      institutionShortName: z.string(),
      startDate: isoDate.nullable(),
      endDate: isoDate.nullable(),
    }),
  ),
  /** More rows match than the first `searchLimit` answered: typing more of the name finds fewer. */
  more: z.boolean(),
});
