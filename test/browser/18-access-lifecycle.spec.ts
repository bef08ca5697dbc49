import { expect, test } from "@playwright/test";
import { formatDate, todayInOslo } from "../../src/domain/dates.ts";
import { rowOf, typeInto } from "./grid.ts";
import { demoUsers, expectGoodPage, mainHeading, settled, signedIn } from "./support.ts";

interface SheetRow {
  id: string;
  lastName: string;
  firstName: string;
  endDate: string | null;
  orderState: string;
}

/** An ISO date `days` later (or earlier). */
const shift = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Access follows the placement, three people (SPEC §3.2 step 6): the HVL coordinator moves an
 * ordered student's end date in the grid after the order; FOU is told, sees the student changed
 * after order on the start page and in the readiness list, and orders the change (the check page
 * with from → to, the order, its file, marked ordered with the portal's reference); the IT provider
 * finds the change in its queue, of change type "Endret" with from → to. Later the coordinator
 * withdraws the student, and the IT provider deactivates the access from its deactivation list.
 */
test("a coordinator moves an ordered student's end date, FOU orders the change, the IT provider sees it and later deactivates it", async ({
  browser,
}) => {
  const coordinator = await signedIn(browser, demoUsers.hvl.email);
  const overviews = (
    (await (await coordinator.request.get("/api/overviews?q=HVL Sykepleie kull 2024")).json()) as {
      items: { id: string; name: string; sheets: { id: string; name: string }[] }[];
    }
  ).items;
  const document = overviews.find((o) => o.name === "HVL Sykepleie kull 2024");
  const sheet = document?.sheets.find((s) => s.name === "Periode 5");
  expect(sheet, "the demo's submitted and ordered HVL sheet").toBeDefined();
  const rows = ((await (await coordinator.request.get(`/api/sheets/${sheet?.id}/rows`)).json()) as { rows: SheetRow[] })
    .rows;
  // An implemented student whose surname no other row of the sheet has.
  const student = rows.find(
    (r) => r.orderState === "implemented" && r.endDate && rows.filter((o) => o.lastName === r.lastName).length === 1,
  ) as SheetRow;
  expect(student, "an implemented student").toBeDefined();
  const before = student.endDate as string;
  const after = shift(before, -3);

  // 1: the coordinator moves the end date in the grid; the Bestilt cell says changed after order.
  await coordinator.goto(`/oversikter/${document?.id}?ark=${sheet?.id}`);
  await settled(coordinator);
  const saved = coordinator.waitForResponse(
    (r) => r.url().includes(`/api/rows/${student.id}`) && r.request().method() === "PATCH",
  );
  await typeInto(coordinator, student.lastName, "Sluttdato", formatDate(after));
  expect((await saved).status()).toBe(200);
  await expect(rowOf(coordinator, student.lastName)).toContainText("Endret etter bestilling");
  await expectGoodPage(coordinator, "18 endret etter bestilling koordinator");

  // 2: FOU is told, and the start page counts the changed students, linking to them.
  const fou = await signedIn(browser, demoUsers.fou.email);
  const told = (await (await fou.request.get("/api/notifications")).json()) as {
    items: { text: string; link: string }[];
  };
  expect(
    told.items.some(
      (n) => n.text.startsWith("Endret etter bestilling") && n.link === `/bestillinger/ny?ark=${sheet?.id}`,
    ),
  ).toBe(true);
  await fou.getByRole("link", { name: /student(er)? er endret etter bestilling/ }).click();
  await expect(mainHeading(fou)).toHaveText("Status før praksis");
  await expect(fou.getByRole("row").filter({ hasText: student.lastName })).toContainText("Endret etter bestilling");
  await expectGoodPage(fou, "18 status endret etter bestilling");

  // 3: from the student's line FOU opens the check page, which shows the change from → to; FOU orders it.
  await fou
    .getByRole("row")
    .filter({ hasText: student.lastName })
    .getByRole("link", { name: "Endret etter bestilling – bestill endringen" })
    .click();
  await expect(mainHeading(fou)).toHaveText("Bestill tilgang: Periode 5");
  await expect(
    fou.getByRole("heading", { name: /^Endret etter bestilling: \d+ student(er)? bestilles på nytt$/ }),
  ).toBeVisible();
  const change = `Sluttdato ${formatDate(before)} → ${formatDate(after)}`;
  await expect(fou.getByRole("row").filter({ hasText: student.lastName })).toContainText(change);
  await expectGoodPage(fou, "18 bestill endringen");
  await fou.getByRole("button", { name: /^Bestill \d+ studente?r?$/ }).click();
  await expect(mainHeading(fou)).toHaveText(/^Bestilling \d+$/);
  const lines = fou.getByRole("table", { name: "Linjer" });
  const line = lines.getByRole("row").filter({ hasText: student.lastName }).first();
  await expect(line).toContainText("Endret");
  await expect(line).toContainText(change);
  await expect(line).toContainText(formatDate(after));
  const download = fou.waitForEvent("download");
  await fou.getByRole("button", { name: "Last ned .xlsx" }).click();
  expect((await download).suggestedFilename()).toMatch(/^Bestilling \d+\.xlsx$/);
  await fou.getByRole("button", { name: "Merk som bestilt" }).click();
  const dialog = fou.getByRole("dialog", { name: "Merk som bestilt" });
  await dialog.getByLabel("Referanse i bestillingsportalen").fill("SP-ENDRING-1");
  await dialog.getByRole("button", { name: "Merk som bestilt" }).click();
  await expect(dialog).toBeHidden();
  await expect(fou.getByRole("status")).toContainText("merket som bestilt (SP-ENDRING-1)");
  await expectGoodPage(fou, "18 endringsbestilling");

  // 4: the IT provider finds the change in its queue, filtered by change type, with from → to.
  const ikt = await signedIn(browser, demoUsers.ikt.email);
  await ikt.goto("/ko?endring=changed&antall=100");
  await settled(ikt);
  await expect(ikt.getByLabel("Endringstype")).toHaveValue("changed");
  const queued = ikt.getByRole("row").filter({ hasText: student.lastName });
  await expect(queued.first()).toContainText("Endret");
  await expect(queued.first()).toContainText(change);
  await expect(queued.first()).toContainText(formatDate(after));
  await expectGoodPage(ikt, "18 koen endret");

  // 5: later the student leaves: the coordinator withdraws them from the grid (the row stays,
  // read-only); the IT provider finds their access on the deactivation list and marks it deactivated.
  // From today, or from the new end date if that has passed (a withdrawal falls within the placement).
  const today = [todayInOslo(new Date()), after].sort()[0] as string;
  await coordinator.reload();
  await settled(coordinator);
  const name = new RegExp(`^Trekk .*${student.lastName}.* fra praksis$`);
  await coordinator.getByRole("button", { name }).click();
  const withdraw = coordinator.getByRole("dialog", { name });
  await withdraw.getByLabel("Trukket fra dato").fill(formatDate(today));
  await withdraw.getByLabel("Årsak").fill("Avbrutt studiet");
  const withdrawn = coordinator.waitForResponse((r) => r.url().endsWith(`/api/rows/${student.id}/withdraw`));
  await withdraw.getByRole("button", { name: "Trekk fra praksis" }).click();
  expect((await withdrawn).status()).toBe(200);
  await expect(withdraw).toBeHidden();
  await expect(rowOf(coordinator, student.lastName)).toContainText(`Trukket ${formatDate(today)}`);
  await expectGoodPage(coordinator, "18 trukket fra praksis");

  await ikt.goto(`/deaktivering?q=${encodeURIComponent(student.lastName)}`);
  await settled(ikt);
  // The student's lines of this sheet (an earlier period's ended placement of theirs may be listed too).
  const ending = ikt.getByRole("row").filter({ hasText: student.lastName }).filter({ hasText: "Trukket fra praksis" });
  await expect(ending.first()).toContainText(sheet?.name as string);
  await expect(ending.first()).toContainText(formatDate(today));
  const boxes = ending.getByRole("checkbox");
  const count = await boxes.count();
  expect(count, "the student's lines on the deactivation list").toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await expectGoodPage(ikt, "18 deaktiveringslisten");
  const marked = ikt.waitForResponse((r) => r.url().endsWith("/api/deactivations/mark"));
  await ikt.getByRole("button", { name: "Merk som deaktivert" }).click();
  expect((await marked).status()).toBe(200);
  await expect(ikt.getByRole("status")).toContainText(/merket som deaktivert/);
  await expect(ending).toHaveCount(0);
});
