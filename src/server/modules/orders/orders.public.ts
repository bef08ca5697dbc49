/** What other modules may use of the orders module: the readiness use-cases' type (the start page counts with them). */
export type { ReadinessUsecases } from "./readiness.usecases.ts";
