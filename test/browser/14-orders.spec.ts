import { expect, test } from "@playwright/test";
import { demoUsers, expectGoodPage, mainHeading, mainMenu, settled, signedIn } from "./support.ts";

/**
 * Three people and one sheet: FOU orders access for the demo sheet's students who are left to order
 * (from the sheet, the check of every row — those to accept and those refused, with why —, the
 * order, its file, marking it ordered with the portal's reference); the IT provider approves and
 * implements the order's lines in its queue with each student's username; the coordinator sees
 * those students' Bestilt cells green and their readiness lines complete.
 */
test("FOU orders a sheet, the IT provider implements it, the coordinator sees the students ready", async ({
  browser,
}) => {
  const fou = await signedIn(browser, demoUsers.fou.email);
  const overviews = (
    (await (await fou.request.get("/api/overviews?q=HVL Sykepleie kull 2024")).json()) as {
      items: { id: string; name: string; sheets: { id: string; name: string }[] }[];
    }
  ).items;
  const document = overviews.find((o) => o.name === "HVL Sykepleie kull 2024");
  const sheet = document?.sheets.find((s) => s.name === "Periode 5");
  expect(sheet, "the demo's submitted HVL sheet").toBeDefined();
  await fou.goto(`/oversikter/${document?.id}?ark=${sheet?.id}`);
  await settled(fou);

  // 1: Bestill tilgang — the check of every row.
  await fou.getByRole("link", { name: "Bestill tilgang" }).click();
  await expect(mainHeading(fou)).toHaveText("Bestill tilgang: Periode 5");
  const toAccept = fou.getByRole("heading", { name: /^Må godtas \(\d+\)$/ });
  await expect(toAccept).toBeVisible();
  await expect(fou.getByRole("heading", { name: /^Kan ikke bestilles \(\d+\)$/ })).toBeVisible();
  await expect(fou.getByText("Studenten er ikke overført til HR ennå.").first()).toBeVisible();
  const warned = Number((await toAccept.textContent())?.match(/\((\d+)\)/)?.[1]);
  // The demo's student whose end date moved after the order is ordered again with them.
  const change = fou.getByRole("heading", { name: /^Endret etter bestilling: \d+ student(er)? bestilles på nytt$/ });
  const changed = Number((await change.textContent())?.match(/: (\d+) /)?.[1]);
  expect(changed).toBe(1);
  const ordered = warned + changed;
  await expectGoodPage(fou, "14 bestill tilgang");

  // 2–3: accept the warnings, order.
  await fou.getByRole("checkbox", { name: /Godta advarslene/ }).check();
  await fou.getByRole("button", { name: `Bestill ${ordered} studenter` }).click();
  await expect(mainHeading(fou)).toHaveText(/^Bestilling \d+$/);
  await expect(fou.getByRole("status")).toContainText(`for ${ordered} studenter`);
  await expect(fou.getByRole("table", { name: "Linjer" }).getByRole("row")).not.toHaveCount(1);
  await expectGoodPage(fou, "14 bestilling utkast");

  // 4: the portal's file.
  const download = fou.waitForEvent("download");
  await fou.getByRole("button", { name: "Last ned .xlsx" }).click();
  expect((await download).suggestedFilename()).toMatch(/^Bestilling \d+\.xlsx$/);

  // 5: marked ordered with the portal's reference.
  await fou.getByRole("button", { name: "Merk som bestilt" }).click();
  const dialog = fou.getByRole("dialog", { name: "Merk som bestilt" });
  await dialog.getByRole("button", { name: "Merk som bestilt" }).click();
  await expect(dialog.getByText("Skriv referansen fra portalen.").first()).toBeVisible();
  await dialog.getByLabel("Referanse i bestillingsportalen").fill("SP-DEMO-1");
  await dialog.getByRole("button", { name: "Merk som bestilt" }).click();
  await expect(dialog).toBeHidden();
  await expect(fou.getByRole("status")).toContainText("merket som bestilt (SP-DEMO-1)");
  await expect(fou.getByRole("button", { name: "Kanseller" })).toHaveCount(0);
  const orderId = new URL(fou.url()).pathname.split("/").at(-1) as string;
  const order = (await (await fou.request.get(`/api/orders/${orderId}`)).json()) as {
    lines: { personId: string; lastName: string; firstName: string }[];
  };
  const students = [...new Map(order.lines.map((l) => [l.personId, `${l.lastName}, ${l.firstName}`])).values()];
  expect(students).toHaveLength(ordered);

  // The list has it, filtered by state.
  await mainMenu(fou).getByRole("link", { name: "Bestillinger" }).click();
  await expect(mainHeading(fou)).toHaveText("Bestillinger");
  await fou.getByLabel("Status").selectOption({ label: "Bestilt" });
  await expect(fou.getByRole("row").filter({ hasText: "Periode 5" }).first()).toContainText("Bestilt");
  await expectGoodPage(fou, "14 bestillinger");

  // The IT provider finds the order by its reference, approves and implements every line.
  const ikt = await signedIn(browser, demoUsers.ikt.email);
  await ikt.goto("/ko?antall=100");
  await settled(ikt);
  const searched = ikt.waitForResponse((r) => r.url().includes("/api/order-lines") && r.url().includes("SP-DEMO-1"));
  await ikt.getByRole("searchbox").fill("SP-DEMO-1");
  await searched;
  const queueRows = ikt.getByRole("row").filter({ has: ikt.getByRole("checkbox") });
  await expect(queueRows.first()).toBeVisible();
  await ikt.getByRole("checkbox", { name: "Velg alle på siden" }).check();
  const approved = ikt.waitForResponse((r) => r.url().endsWith("/api/order-lines/approve"));
  await ikt.getByRole("button", { name: "Godkjenn" }).click();
  expect((await approved).status()).toBe(200);
  await expect(ikt.getByRole("status")).toContainText("godkjent");
  await ikt.getByRole("checkbox", { name: "Velg alle på siden" }).check();
  await ikt.getByRole("button", { name: "Iverksett" }).click();
  const implement = ikt.getByRole("dialog", { name: /^Iverksett \d+ linje/ });
  const usernames = implement.getByRole("textbox");
  await expect(usernames).toHaveCount(students.length);
  // The student ordered again keeps the username already recorded for them.
  const given: string[] = [];
  for (let i = 0; i < students.length; i++) {
    if ((await usernames.nth(i).inputValue()) === "") await usernames.nth(i).fill(`demostudent${i + 1}`);
    given.push(await usernames.nth(i).inputValue());
  }
  const implemented = ikt.waitForResponse((r) => r.url().endsWith("/api/order-lines/implement"));
  await implement.getByRole("button", { name: "Iverksett" }).click();
  expect((await implemented).status()).toBe(200);
  await expect(implement).toBeHidden();
  await expect(ikt.getByRole("status")).toContainText("iverksatt");
  await expectGoodPage(ikt, "14 køen iverksatt");

  // The coordinator sees the students ready, with their usernames, and their Bestilt cells green.
  const coordinator = await signedIn(browser, demoUsers.hvl.email);
  await coordinator.goto(`/klar?ark=${sheet?.id}&bestilt=implemented`);
  await settled(coordinator);
  const readiness = coordinator.getByRole("table", { name: "Studentenes status før praksis" });
  for (const name of students) {
    const line = readiness.getByRole("row").filter({ hasText: name });
    await expect(line).toContainText("Klar");
    await expect(line).toContainText(new RegExp(given.join("|")));
  }
  await expect(coordinator.getByText("Referanse:")).toHaveCount(0);
  await expectGoodPage(coordinator, "14 status før praksis koordinator");
  const rows = (await (await coordinator.request.get(`/api/sheets/${sheet?.id}/rows`)).json()) as {
    rows: { lastName: string; firstName: string; orderState: string }[];
  };
  for (const name of students) {
    expect(rows.rows.find((r) => `${r.lastName}, ${r.firstName}` === name)?.orderState).toBe("implemented");
  }
});
