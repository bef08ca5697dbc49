/** What other modules may use of the dashboard module: its use-cases (the start page's counts). */
export { createDashboardUsecases, type DashboardUsecases } from "./dashboard.usecases.ts";
