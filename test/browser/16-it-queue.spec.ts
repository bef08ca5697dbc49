import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, expectGoodPage, mainHeading, signIn } from "./support.ts";

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

test("the IT provider approves, implements with a username and rejects with a reason", async ({ page }) => {
  await signIn(page, demoUsers.ikt.email);
  // Lines not yet approved, whatever earlier stories did in the queue.
  await page.goto("/ko?status=ordered");
  const rows = page.getByRole("row").filter({ has: page.getByRole("checkbox") });
  await expect(rows.first()).toBeVisible();

  // Select the first line; after each step it leaves this list of ordered lines, and the person waits
  // for it to go before choosing the next (the list is read again after each step).
  const pickFirst = async () => {
    const box = rows.first().getByRole("checkbox");
    const name = (await box.getAttribute("aria-label")) as string;
    await box.check();
    return page.getByRole("checkbox", { name, exact: true });
  };
  const gone = async (box: Awaited<ReturnType<typeof pickFirst>>) => expect(box).toHaveCount(0);

  const first = await pickFirst();
  await expect(page.getByText("1 linje valgt")).toBeVisible();
  const approved = page.waitForResponse((r) => r.url().endsWith("/api/order-lines/approve"));
  await page.getByRole("button", { name: "Godkjenn" }).click();
  expect((await approved).status()).toBe(200);
  await expect(page.getByRole("status")).toHaveText("1 linje er godkjent.");
  await gone(first);

  const second = await pickFirst();
  await page.getByRole("button", { name: "Iverksett" }).click();
  const dialog = page.getByRole("dialog", { name: "Iverksett 1 linje" });
  const username = dialog.getByRole("textbox");
  await username.fill("");
  await dialog.getByRole("button", { name: "Iverksett" }).click();
  await expect(dialog.getByText("Skriv brukernavnet.")).toBeVisible();
  await username.fill("demo.student");
  await expectAccessible(page, "15 iverksett");
  const implemented = page.waitForResponse((r) => r.url().endsWith("/api/order-lines/implement"));
  await dialog.getByRole("button", { name: "Iverksett" }).click();
  expect((await implemented).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText("1 linje er iverksatt.");
  await gone(second);

  await pickFirst();
  await page.getByRole("button", { name: "Avvis" }).click();
  const reject = page.getByRole("dialog", { name: "Avvis 1 linje" });
  await reject.getByLabel("Begrunnelse").fill("Mangler ansattnummer i HR");
  const rejected = page.waitForResponse((r) => r.url().endsWith("/api/order-lines/reject"));
  await reject.getByRole("button", { name: "Avvis" }).click();
  expect((await rejected).status()).toBe(200);
  await expect(page.getByRole("status")).toHaveText("1 linje er avvist.");
});
