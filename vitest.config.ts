import { defineConfig } from "vitest/config";
import { signInTexts } from "./src/build/sign-in-texts.ts";

const apiProject = (name: string, database: "pglite" | "postgres") => ({
  test: {
    name,
    include: ["test/api/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/helpers/global-setup.ts"],
    env: { TEST_DB: database },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

/**
 * unit: pure rules and web code; api-pglite: whole flows on embedded PGlite; api-postgres: the same
 * flows on PostgreSQL, only when TEST_DATABASE_URL is set.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // The web code imports `nb.json?sign-in` (the first load's part of the bokmål texts).
        plugins: [signInTexts()],
        test: { name: "unit", include: ["src/**/*.test.ts", "src/**/*.test.tsx"], environment: "node" },
      },
      apiProject("api-pglite", "pglite"),
      ...(process.env.TEST_DATABASE_URL ? [apiProject("api-postgres", "postgres")] : []),
    ],
  },
});
