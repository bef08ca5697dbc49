import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../../shared/columns.ts";

/** A university or college (utdanningsinstitusjon); shared by every trust of the region. */
export const institutions = pgTable("institutions", {
  id: id(),
  name: text("name").notNull().unique(),
  shortName: text("short_name").notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
