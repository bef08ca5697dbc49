import { chromium } from "@playwright/test";
const base = "http://localhost:3316";
const [width, pages] = [Number(process.argv[2] ?? 1280), process.argv.slice(3)];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "nb-NO", timezoneId: "Europe/Oslo" });
const page = await context.newPage();
await page.goto(`${base}/logg-inn`);
await page.getByLabel("E-post").fill("admin@demo.test");
await page.getByLabel("Passord").fill("demo-passord");
await page.getByRole("button", { name: "Logg inn" }).click();
await page.waitForURL(`${base}/`);
for (const [i, path] of pages.entries()) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/profiles/shot-${width}-${i}.png`, fullPage: true });
}
await browser.close();
