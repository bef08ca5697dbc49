import { chromium } from "@playwright/test";
const base = "http://localhost:3360";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
async function as(email, pages) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + "/logg-inn");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill("demo-passord");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.includes("logg-inn"));
  for (const [name, path, act] of pages) {
    await page.goto(base + path);
    await page.waitForLoadState("networkidle");
    if (act) await act(page);
    await page.screenshot({ path: `/tmp/lead-shots/${name}.png`, fullPage: true });
  }
  await ctx.close();
}
await as("fou@demo.test", [
  ["fou-start", "/"],
  ["campaigns", "/registrering/kampanjer"],
  ["campaign", "/registrering/kampanjer", async (p) => { await p.locator("main table a").first().click(); await p.waitForLoadState("networkidle"); }],
  ["webcruiter", "/registrering/kampanjer", async (p) => { await p.locator("main table a").first().click(); await p.getByRole("button", { name: /Webcruiter/ }).click(); await p.getByRole("dialog").waitFor(); }],
  ["settings", "/admin/innstillinger"],
  ["hr", "/registrering/overfoering"],
]);
await as("koordinator.uib@demo.test", [["coord-start", "/"]]);
await browser.close();
