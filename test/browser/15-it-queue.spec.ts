import { expect, test } from "@playwright/test";
import { demoUsers, expectGoodPage, mainHeading, signIn } from "./support.ts";

test("the IT provider opens its queue, and the filters stay in the address", async ({ page }) => {
  await signIn(page, demoUsers.ikt.email);
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Køen", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Køen");
  await expect(page.getByLabel("Foretak")).toContainText("Helse Bergen");
  await expect(page.getByRole("button", { name: "Godkjenn" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Iverksett" })).toBeDisabled();
  await expectGoodPage(page, "15 køen");

  const answer = page.waitForResponse((r) => r.url().includes("/api/order-lines") && r.url().includes("state=all"));
  await page.getByLabel("Status").selectOption("all");
  await answer;
  await expect(page).toHaveURL(/status=all/);
  const dated = page.waitForResponse((r) => r.url().includes("from=2027-03-01"));
  await page.getByLabel("Start fra").fill("01.03.2027");
  await dated;
  await expect(page).toHaveURL(/fra=2027-03-01/);
  await page.getByLabel("Start til").fill("31.02.2027");
  await expect(page.getByText("Skriv datoen som dd.mm.åååå.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("all");
  await expect(page.getByLabel("Start fra")).toHaveValue("01.03.2027");
});
