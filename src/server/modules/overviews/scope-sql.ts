import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Scope } from "./access-scope.ts";
import { overviews } from "./overviews.table.ts";

/** The documents a scope reaches: its trust's, and only its institutions' when it names them. */
export const inScope = (scope: Scope): SQL | undefined =>
  and(
    eq(overviews.trustId, scope.trustId),
    scope.institutionIds ? inArray(overviews.institutionId, scope.institutionIds) : undefined,
  );
