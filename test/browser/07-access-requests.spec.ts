import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  demoUsers,
  expectAccessible,
  expectGoodPage,
  mainHeading,
  openAdminPage,
  screenshot,
  settled,
  signIn,
} from "./support.ts";

function navigation(page: Page) {
  return page.getByRole("navigation", { name: "Hovedmeny" });
}

/** The bell in the header; its name says how many notifications are unread ("Varsler, 2 uleste"). */
function bell(page: Page) {
  return page.locator(".app-header").getByRole("link", { name: /^Varsler/ });
}

async function unreadCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  const match = /(\d+) ulest/.exec(name);
  return match ? Number(match[1]) : 0;
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Sends an account request from the public form, as a person without an account. */
async function requestAccess(page: Page, person: { name: string; email: string }, message?: string) {
  await page.goto("/be-om-tilgang");
  await settled(page);
  await page.getByLabel("Fullt navn").fill(person.name);
  await page.getByLabel("E-postadresse på jobben").fill(person.email);
  // With several trusts (Helse Fonna is made by another story) the person chooses one.
  await page.getByLabel("Helseforetak", { exact: true }).selectOption({ label: "Helse Bergen" });
  await page.getByLabel(/^Praksiskoordinator ved/).check();
  await page.getByLabel("Universitet eller høgskole").selectOption({ label: "Universitetet i Bergen (UiB)" });
  if (message) await page.getByLabel(/^Melding til administratorene/).fill(message);
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  await expect(
    page.getByText("Forespørselen er sendt til administratorene i Helse Bergen. Du får svar på e-post."),
  ).toBeVisible();
}

test("a person asks for access, the admin approves it, and the person sets a password and signs in", async ({
  page,
  browser,
}) => {
  const person = { name: "Nora Nyansatt", email: "nora.nyansatt@uib.test", password: "fjordvind og regnbyger" };

  // The admin is signed in already and sees the number of unread notifications in the header.
  const admin = await newPage(browser);
  await signIn(admin.page, demoUsers.admin.email);
  await expect(bell(admin.page)).toBeVisible();
  const before = await unreadCount(admin.page);

  // The person finds the form from the sign-in page; an empty form names what is missing.
  await page.goto("/logg-inn");
  await page.getByRole("link", { name: "Be om tilgang", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Be om tilgang");
  await expectGoodPage(page, "07 be om tilgang");
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  await expect(page.getByText("Skriv inn navnet ditt.").first()).toBeVisible();
  await expect(page.getByText("Velg hva du skal bruke Praksistilgang til.").first()).toBeVisible();
  await expectAccessible(page, "be om tilgang med feil");
  await requestAccess(page, person, "Ny praksiskoordinator for sykepleie.");
  await expectGoodPage(page, "07 be om tilgang sendt");

  // The admin's bell counts the new notification (after a reload, or within a minute).
  await admin.page.reload();
  await settled(admin.page);
  await expect.poll(() => unreadCount(admin.page)).toBe(before + 1);
  await expect(bell(admin.page)).toHaveAttribute("aria-label", /^Varsler, \d+ uleste?$/);
  await bell(admin.page).click();
  await expect(mainHeading(admin.page)).toHaveText("Varsler");
  await expectGoodPage(admin.page, "07 varsler");

  // The notification leads to the access requests, and opening it marks it read.
  await admin.page
    .getByRole("link", { name: `${person.name} (UiB) ber om tilgang til Praksistilgang` })
    .first()
    .click();
  await expect(admin.page).toHaveURL(/\/admin\/tilgangsforesporsler$/);
  await expect(mainHeading(admin.page)).toHaveText("Tilgangsforespørsler");
  await expect.poll(() => unreadCount(admin.page)).toBe(before);
  const card = admin.page.locator(".card-body").filter({ hasText: person.email });
  await expect(card).toContainText("Praksiskoordinator");
  await expect(card).toContainText("Universitetet i Bergen (UiB)");
  await expect(card).toContainText("Ny praksiskoordinator for sykepleie.");
  await expectGoodPage(admin.page, "07 tilgangsforesporsler");

  await card.getByRole("button", { name: `Godkjenn ${person.name}` }).click();
  const dialog = admin.page.getByRole("dialog", { name: `Godkjenne ${person.name}?` });
  await expect(dialog).toContainText(person.email);
  await expectAccessible(admin.page, "dialog godkjenn");
  await dialog.getByRole("button", { name: "Godkjenn og send invitasjon" }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.page.getByRole("status")).toHaveText(`${person.name} er godkjent og har fått beskjed.`);
  const decided = admin.page.getByRole("table", { name: "Behandlede tilgangsforespørsler, nyeste først" });
  await expect(decided.getByRole("row").filter({ hasText: person.email })).toContainText("Godkjent");

  // Without SMTP the invitation is kept in the dev mailbox, with the link to set a password.
  await openAdminPage(admin.page, "E-post");
  await expect(admin.page.getByText("blir ikke sendt, men tatt vare på her i stedet")).toBeVisible();
  await expectGoodPage(admin.page, "07 e-post");
  const mail = admin.page.locator(".mail-item").filter({ hasText: person.email }).first();
  await mail.locator("summary").click();
  const invitation = mail.getByRole("link", { name: /\/sett-passord\?token=/ });
  await expect(invitation).toBeVisible();
  await screenshot(admin.page, "07 e-post invitasjon");
  const link = new URL((await invitation.getAttribute("href")) ?? "");

  // The person sets a password (twice, at least 12 characters) and signs in with it.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(mainHeading(page)).toHaveText("Lag passord");
  await expectGoodPage(page, "07 lag passord");
  await page.getByLabel("Nytt passord").fill("for kort");
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(page.getByText("Passordet må ha minst 12 tegn.").first()).toBeVisible();
  await page.getByLabel("Nytt passord").fill(person.password);
  await page.getByLabel("Gjenta passordet").fill(`${person.password}!`);
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(page.getByText("Passordene er ikke like.").first()).toBeVisible();
  await page.getByLabel("Gjenta passordet").fill(person.password);
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(page.getByRole("heading", { name: "Passordet er lagret" })).toBeVisible();
  await expectAccessible(page, "passord lagret");

  await signIn(page, person.email, person.password);
  await expect(page.getByText(`Hei, ${person.name}!`)).toBeVisible();
  await expect(page.getByText("Praksiskoordinator for Universitetet i Bergen")).toBeVisible();

  // The link works once.
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByLabel("Nytt passord").fill(person.password);
  await page.getByLabel("Gjenta passordet").fill(person.password);
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(page.getByRole("heading", { name: "Lenken virker ikke lenger" })).toBeVisible();
  await expect(
    page.getByText("Be administratoren for Praksistilgang i helseforetaket om å sende deg en ny lenke."),
  ).toBeVisible();

  await admin.context.close();
});

test("the admin declines a request with a reason; the reason is required", async ({ page, browser }) => {
  const person = { name: "Per Prøvesen", email: "per.provesen@uib.test" };
  const anonymous = await newPage(browser);
  await requestAccess(anonymous.page, person);
  await anonymous.context.close();

  await signIn(page, demoUsers.admin.email);
  await page.goto("/admin/tilgangsforesporsler");
  await settled(page);
  const card = page.locator(".card-body").filter({ hasText: person.email });
  await card.getByRole("button", { name: `Avslå ${person.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Avslå forespørselen fra ${person.name}` });
  await dialog.getByRole("button", { name: "Avslå forespørselen" }).click();
  await expect(dialog.getByText("Skriv en begrunnelse.").first()).toBeVisible();
  await expectAccessible(page, "dialog avslå");
  await dialog.getByLabel("Begrunnelse").fill("Helse Bergen har allerede to koordinatorer fra UiB for sykepleie.");
  await dialog.getByRole("button", { name: "Avslå forespørselen" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText(`Forespørselen fra ${person.name} er avslått.`);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText("Avslått");
  await expect(row).toContainText("allerede to koordinatorer");
  await expect(row).toContainText(demoUsers.admin.name);
});

test("the admin reads the audit log, filtered by what and by record", async ({ page }) => {
  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Logg");
  const table = page.getByRole("table", { name: "Hendelser i loggen, nyeste først" });
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expectGoodPage(page, "07 logg");

  await page.getByLabel("Hva").selectOption({ label: "Tilgangsforespørsel" });
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/hva=account_request/);
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText("Tilgangsforespørsel");
  await expect(rows.filter({ hasNotText: "Tilgangsforespørsel" })).toHaveCount(0);

  // A record's id shows everything that happened to it; the filter survives a reload.
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(/post=/);
  await page.reload();
  await settled(page);
  await expect(page.getByLabel("Post-ID")).not.toHaveValue("");
  await expect(table.locator("tbody tr").first()).toContainText("Tilgangsforespørsel");

  // Other roles do not see the log.
  await page.context().clearCookies();
  await signIn(page, demoUsers.uib.email);
  await expect(navigation(page).getByRole("link", { name: "Logg", exact: true })).toHaveCount(0);
  await expect(navigation(page).getByRole("link", { name: "Administrasjon", exact: true })).toHaveCount(0);
  await page.goto("/admin/logg");
  await expect(mainHeading(page)).toHaveText("Ingen tilgang");
});

test("the admin reads the log by names, pages on, filters by dates typed dd.mm.yyyy and downloads it", async ({
  page,
}) => {
  await signIn(page, demoUsers.admin.email);
  await page.goto("/admin/logg");
  await settled(page);
  const table = page.getByRole("table", { name: "Hendelser i loggen, nyeste først" });
  const rows = table.locator("tbody tr");
  // One page of 50 (the demo's semester wrote hundreds), then the next with "Vis flere".
  await expect(rows).toHaveCount(50);
  await expect(page.getByText("Viser de 50 nyeste hendelsene. Det finnes flere.")).toBeVisible();
  await page.getByRole("button", { name: "Vis flere" }).click();
  await expect(rows).toHaveCount(100);

  // Records by the names people know: a row as its student with document and sheet; fields as the
  // overview's columns. No field name is shown raw, no record that exists as an id.
  const rowEvent = rows.filter({ has: page.getByRole("cell", { name: "Rad", exact: true }) }).first();
  await expect(rowEvent.getByRole("link")).toHaveText(/^\p{Lu}\p{L}+( \p{L}+)+$/u);
  // The demo's audit rows share one time, so which row comes first varies: any sheet's name.
  await expect(rowEvent).toContainText(/kull \d{4} · (Internasjonale – )?(Periode|Semester) \d/);
  await expect(table.getByRole("cell", { name: /Etternavn, Fornavn/ }).first()).toBeVisible();
  const fieldTexts = await rows.locator("td:nth-child(6)").allInnerTexts();
  expect(fieldTexts.filter((text) => /[a-z]_[a-z]|[a-z][A-Z]/.test(text))).toEqual([]);
  const recordTexts = await rows.locator("td:nth-child(5)").allInnerTexts();
  const idsShown = recordTexts.filter((text) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(text) && !text.startsWith("Slettet"));
  expect(idsShown).toEqual([]);
  await expectGoodPage(page, "07 logg med navn");

  // Dates are typed as people write them, whatever the browser's language; an impossible one is named.
  const today = new Intl.DateTimeFormat("nb-NO", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Oslo",
  }).format(new Date());
  const [day, month, year] = today.split(".");
  await page.getByLabel("Fra og med dato").fill("30.02.2026");
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page.getByRole("link", { name: /Fra og med dato: Datoen finnes ikke/ })).toBeVisible();
  await expect(page.getByLabel("Fra og med dato")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "logg med feil dato");
  await screenshot(page, "07 logg feil dato");
  await page.getByLabel("Fra og med dato").fill(today);
  await page.getByLabel("Til og med dato").fill(today);
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`fra=${year}-${month}-${day}&til=${year}-${month}-${day}`));
  await page.reload();
  await settled(page);
  await expect(page.getByLabel("Fra og med dato")).toHaveValue(today);
  await expect(page.getByLabel("Til og med dato")).toHaveValue(today);
  await expect(rows).toHaveCount(50);

  // The filtered list as a file Excel reads: UTF-8 with BOM, the page's names and field names.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Last ned som CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`Logg ${year}-${month}-${day}.csv`);
  const file = readFileSync(await download.path());
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = file.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Tidspunkt;Hvem;E-post;Handling;Hva;Post;Detaljer;Post-ID;Felt");
  expect(lines.length).toBeGreaterThan(100);
  expect(lines.some((line) => /;Rad;[^;]+;[^;]+ · [^;]+;[0-9a-f-]{36};Etternavn, Fornavn/.test(line))).toBe(true);

  // The download is in the log too: who exported it, with the filters used.
  await page.goto("/admin/logg?hva=audit");
  await settled(page);
  await expect(rows.first()).toContainText("Eksportert");
  await expect(rows.first()).toContainText(demoUsers.admin.name);
  await expect(rows.first()).toContainText("Fra og med dato, Til og med dato");
});

test("everyone chooses how notifications come by e-mail under Mine innstillinger", async ({ page }) => {
  await signIn(page, demoUsers.uib.email);
  await page
    .locator(".app-header")
    .getByRole("link", { name: /Mine innstillinger/ })
    .click();
  await expect(mainHeading(page)).toHaveText("Mine innstillinger");
  await expectGoodPage(page, "07 mine innstillinger");
  await page.getByLabel("Én oppsummering om dagen").check();
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status")).toHaveText("Innstillingene er lagret.");
  await page.reload();
  await settled(page);
  await expect(page.getByLabel("Én oppsummering om dagen")).toBeChecked();
  await page.getByLabel("Med en gang").check();
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status")).toHaveText("Innstillingene er lagret.");
});

test("the admin sets up a sign-in service; the sign-in page offers it and explains failures", async ({
  page,
  browser,
}) => {
  const name = "Helse Bergen (Entra ID)";
  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Innlogging med jobbkonto");
  await page.getByRole("button", { name: "Legg til innloggingstjeneste" }).click();
  const dialog = page.getByRole("dialog", { name: "Legg til innloggingstjeneste" });
  await dialog.getByRole("button", { name: "Legg til", exact: true }).click();
  await expect(dialog.getByText("Skriv inn klienthemmeligheten.").first()).toBeVisible();
  await expectAccessible(page, "dialog ny innloggingstjeneste");
  await dialog.getByLabel("Navn på knappen").fill(name);
  await dialog.getByLabel("Utsteder-URL (issuer)").fill("http://127.0.0.1:9/entra");
  await dialog.getByLabel("Klient-ID").fill("praksistilgang-test");
  await dialog.getByLabel("Klienthemmelighet").fill("hemmelig");
  await dialog.getByRole("button", { name: "Legg til", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText(`${name} er lagt til.`);
  const card = page.locator(".card-body").filter({ hasText: name });
  await expect(card).toContainText("/api/auth/oidc/callback");
  await expect(card).toContainText("Lagret (vises ikke)");
  await expect(card.getByRole("button", { name: `Kopier adressen for tilbakesending for ${name}` })).toBeVisible();
  await expectGoodPage(page, "07 innlogging");

  // The secret is write-only: editing shows that one is stored, and keeps it when left empty.
  await card.getByRole("button", { name: `Endre ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Endre ${name}` });
  await expect(edit.getByText("Lagret — skriv inn for å bytte.")).toBeVisible();
  await expect(edit.getByLabel("Klienthemmelighet")).toHaveValue("");
  await edit.getByRole("button", { name: "Lagre" }).click();
  await expect(edit).toBeHidden();

  // The sign-in page offers the service as a plain link that keeps where the person was going.
  const visitor = await newPage(browser);
  await visitor.page.goto("/logg-inn?neste=%2Fadmin%2Flogg");
  const button = visitor.page.getByRole("link", { name: `Logg inn med ${name}` });
  await expect(button).toHaveAttribute("href", /^\/api\/auth\/oidc\/[0-9a-f-]+\/start\?returnTo=%2Fadmin%2Flogg$/);
  await expectGoodPage(visitor.page, "07 logg inn med tjeneste");
  await visitor.page.goto("/logg-inn?feil=oidc.unknown_user");
  await expect(visitor.page.getByRole("alert")).toContainText("Vi fant ingen bruker med denne e-postadressen");
  await visitor.page.getByRole("link", { name: "Be om tilgang til Praksistilgang" }).click();
  await expect(mainHeading(visitor.page)).toHaveText("Be om tilgang");
  await visitor.page.goto("/logg-inn?feil=oidc.state_invalid");
  await expect(visitor.page.getByRole("alert")).toContainText("startet i en annen nettleser");
  await expectAccessible(visitor.page, "logg inn med feil");
  await visitor.context.close();

  // Switched off it leaves the sign-in page; deleted it is gone.
  await card.getByRole("button", { name: `Slå av ${name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`${name} er slått av.`);
  await card.getByRole("button", { name: `Slett ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Slette ${name}?` })
    .getByRole("button", { name: "Slett" })
    .click();
  await expect(page.getByRole("status")).toHaveText(`${name} er slettet.`);
  await expect(page.locator(".card-body").filter({ hasText: name })).toHaveCount(0);
});
