import { expect, type Page, test } from "@playwright/test";
import { testNationalId } from "../helpers/national-ids.ts";
import { demoUsers, expectGoodPage, settled, signedIn } from "./support.ts";

/**
 * Issue 7: UiB and HVL each add a row for a student with the same e-mail. Matching keeps them apart
 * (e-mail is not proof across institutions); FOU finds them under "Mulige duplikater", keeps the
 * UiB record and merges HVL's into it.
 */
const email = "eli.brattli@student.uib.no";
/** A cohort the demo's living semester has no document for (its cohorts are the last four years). */
const cohort = 2020;
/** A synthetic test number (month + 80) for the demo trust, which is in test mode. */
const number = testNationalId({ year: 2004, month: 9, day: 30, kind: "tnr" });

/** Through the API with the signed-in person's cookie, as the grid would: a document, a sheet and one row. */
async function addStudent(page: Page, programme: string, row: Record<string, string>) {
  const headers = { origin: new URL(page.url()).origin };
  const programmes = (await (await page.request.get("/api/programmes")).json()) as { id: string; name: string }[];
  const programmeId = programmes.find((p) => p.name === programme)?.id;
  expect(programmeId, programme).toBeTruthy();
  const created = await page.request.post("/api/overviews", { headers, data: { programmeId, cohort } });
  expect(created.status(), await created.text()).toBe(201);
  const overview = (await created.json()) as { id: string };
  const sheet = await page.request.post(`/api/overviews/${overview.id}/sheets`, {
    headers,
    data: { kind: "norwegian", label: "Periode", number: 1, startDate: "2027-08-16", endDate: "2027-09-24" },
  });
  expect(sheet.status(), await sheet.text()).toBe(201);
  const { id: sheetId } = (await sheet.json()) as { id: string };
  const added = await page.request.post(`/api/sheets/${sheetId}/rows`, { headers, data: row });
  expect(added.status(), await added.text()).toBe(201);
}

test("FOU merges the same student registered by two institutions", async ({ browser }) => {
  const uib = await signedIn(browser, demoUsers.uib.email);
  await addStudent(uib, "Medisin", { lastName: "Brattli", firstName: "Eli", email, nationalId: number });
  const hvl = await signedIn(browser, demoUsers.hvl.email);
  await addStudent(hvl, "Radiografi", { lastName: "Brattli", firstName: "Eli", email });

  const fou = await signedIn(browser, demoUsers.fou.email);
  await fou.getByRole("link", { name: "Mulige duplikater" }).first().click();
  await settled(fou);
  await fou.getByLabel("Søk i e-post eller navn").fill("eli.brattli");
  await expect(fou).toHaveURL(/q=eli\.brattli/);
  const group = fou.locator(".card-body", { hasText: email });
  await expect(group).toBeVisible();
  await expect(group.getByRole("row")).toHaveCount(3);
  await expect(group.getByRole("row", { name: /UiB \(1 rad\)/ })).toContainText(`${number.slice(0, 6)} *****`);
  await expect(group.getByRole("row", { name: /HVL \(1 rad\)/ })).toContainText("–");
  await expectGoodPage(fou, "Mulige duplikater (FOU)");

  await group.getByRole("row", { name: /UiB/ }).getByRole("button", { name: "Behold Eli Brattli" }).click();
  const dialog = fou.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Slå sammen til Eli Brattli?" })).toBeVisible();
  await expect(dialog).toContainText("Eli Brattli (HVL) slås sammen med Eli Brattli (UiB)");
  await expectGoodPage(fou, "Mulige duplikater, slå sammen (FOU)");
  await dialog.getByRole("button", { name: "Slå sammen" }).click();
  await expect(dialog).toBeHidden();
  await expect(fou.getByText("Eli Brattli er slått sammen. 1 rad ble flyttet.")).toBeVisible();
  await expect(group).toHaveCount(0);
  await expect(fou.getByText("Ingen grupper passer til søket eller filteret.")).toBeVisible();

  // Opened again, the group is still gone: the two are one person now.
  await fou.goto("/personer/duplikater");
  await settled(fou);
  await expect(fou.locator(".card-body", { hasText: email })).toHaveCount(0);
});
