import { defineConfig } from "@playwright/test";

const port = Number(process.env.BROWSER_TEST_PORT ?? 3100);

/**
 * Browser stories in Debian's Chromium against the built app on a fresh embedded database with
 * demo data, in Norwegian and Oslo time, one story at a time (they share the demo data).
 */
export default defineConfig({
  testDir: "test/browser",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "rm -rf test-results/browser-data && tsx src/server/main.ts",
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: "test-results/browser-data",
      DEMO_DATA: "1",
      PUBLIC_URL: `http://localhost:${port}`,
      LOG_LEVEL: "warn",
      LOGIN_RATE_LIMIT: "10",
    },
  },
});
