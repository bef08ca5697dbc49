import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Benchmark mode only (`BENCH_COUNT_QUERIES=1`): the SQL statements of each request, counted where
 * the driver runs them (Drizzle's query logger, `openDatabase`'s `countQueries`) and answered in
 * the `x-bench-queries` header (`plugins/query-count.ts`). Without the setting neither is installed.
 */
export const queryCounter = new AsyncLocalStorage<{ statements: number }>();

export const queryCountHeader = "x-bench-queries";

/** Drizzle's logger: one more statement for the request it runs in. */
export const countingLogger = {
  logQuery(): void {
    const store = queryCounter.getStore();
    if (store) store.statements++;
  },
};
