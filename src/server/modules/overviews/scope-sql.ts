import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "./access-scope.ts";
import { overviews } from "./overviews.table.ts";

/** The documents a scope reaches: its trust's, and only its institutions' when it names them. */
export const inScope = (scope: Scope): SQL | undefined =>
  and(
    eq(overviews.trustId, scope.trustId),
    scope.institutionIds ? inArray(overviews.institutionId, scope.institutionIds) : undefined,
  );

/**
 * `inScope` for a statement built once: the scope as the bind parameters `scopeBinding` gives
 * (`trustId`, `wholeTrust`, `institutionIds`), so one statement serves every scope.
 */
export const inScopeBound = and(
  eq(overviews.trustId, sql.placeholder("trustId")),
  sql`(${sql.placeholder("wholeTrust")}::boolean or ${overviews.institutionId} = any(${sql.placeholder("institutionIds")}::uuid[]))`,
) as SQL;

export const scopeBinding = (scope: Scope) => ({
  trustId: scope.trustId,
  wholeTrust: scope.institutionIds === null,
  institutionIds: scope.institutionIds ?? [],
});
