import { expect, test } from "@playwright/test";
import {
  adminMenu,
  demoUsers,
  expectAccessible,
  expectGoodPage,
  mainHeading,
  openAdminPage,
  screenshot,
  signIn,
} from "./support.ts";

test("the admin adds a clinical system, gives it in a new version of a profile, and remakes a profile", async ({
  page,
}) => {
  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Fagsystemer");
  await expect(page.getByRole("row").filter({ hasText: "DIPS Arena" })).toContainText("Sykepleier");
  await expectGoodPage(page, "15 fagsystemer");

  // A new system with two roles; the second role's field takes the focus when it is added.
  await page.getByRole("button", { name: "Nytt fagsystem" }).click();
  const dialog = page.getByRole("dialog", { name: "Nytt fagsystem" });
  await dialog.getByRole("button", { name: "Legg til fagsystem" }).click();
  await expect(dialog.getByText("Skriv navnet på systemet.").first()).toBeVisible();
  await dialog.getByLabel("Navn").fill("Medikasjonsmodulen");
  await dialog.getByRole("textbox", { name: "Rolle 1", exact: true }).fill("Student sykepleie");
  await dialog.getByRole("button", { name: "Legg til rolle" }).click();
  await expect(dialog.getByRole("textbox", { name: "Rolle 2", exact: true })).toBeFocused();
  await page.keyboard.type("Student medisin");
  await expectAccessible(page, "dialog Nytt fagsystem");
  await screenshot(page, "15 nytt fagsystem", { fullPage: false });
  await dialog.getByRole("button", { name: "Legg til fagsystem" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText("Medikasjonsmodulen er lagt til.");
  await page.getByLabel("Søk etter system eller rolle").fill("medikasjon");
  await expect(page.getByRole("row").filter({ hasText: "Medikasjonsmodulen" })).toContainText("Ingen");

  // The nurses' profile gets it in a new version; the earlier versions stay in the history.
  await adminMenu(page).getByRole("link", { name: "Tilgangsprofiler", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Tilgangsprofiler");
  await expectGoodPage(page, "15 tilgangsprofiler");
  await page.getByRole("link", { name: "Sykepleier", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Tilgangsprofil for Sykepleier");
  await page.getByRole("button", { name: "Lag ny versjon" }).click();
  const version = page.getByRole("dialog", { name: "Ny versjon av tilgangsprofilen for Sykepleier" });
  await version.getByRole("button", { name: "Ett fagsystem til" }).click();
  await expect(version.getByRole("combobox", { name: "Fagsystem 6", exact: true })).toBeFocused();
  await version
    .getByRole("combobox", { name: "Fagsystem 6", exact: true })
    .selectOption({ label: "Medikasjonsmodulen" });
  await version.getByRole("combobox", { name: "Rolle i fagsystem 6" }).selectOption({ label: "Student sykepleie" });
  await version.getByLabel("Hva er endret, og hvorfor").fill("Medikasjonsmodulen tas i bruk på sengepostene.");
  await expectAccessible(page, "dialog ny versjon");
  await version.getByRole("button", { name: "Lagre ny versjon" }).click();
  await expect(version).toBeHidden();
  await expect(page.getByRole("status")).toHaveText("Versjon 3 er lagret og gjelder nå.");
  await expect(page.getByRole("heading", { name: "Historikk (3 versjoner)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Fagsystemer og roller i versjon 3" }).first()).toContainText(
    "Medikasjonsmodulen",
  );
  await page.getByText("Versjon 1 –").click();
  await expect(page.getByRole("table", { name: "Fagsystemer og roller i versjon 1" })).toContainText("Nå arkivert");
  await expectGoodPage(page, "15 tilgangsprofil sykepleier");

  // The radiographers' profile is archived and made again from the list.
  await page.getByRole("link", { name: "Alle tilgangsprofiler" }).click();
  await page.getByRole("link", { name: "Radiograf", exact: true }).click();
  await page.getByRole("button", { name: "Arkiver" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Arkiver" }).click();
  await expect(page.getByRole("status")).toHaveText("Radiograf er arkivert.");
  await page.getByRole("link", { name: "Alle tilgangsprofiler" }).click();
  await page.getByRole("button", { name: "Ny tilgangsprofil" }).click();
  const profile = page.getByRole("dialog", { name: "Ny tilgangsprofil" });
  await expect(profile.getByRole("combobox", { name: "Yrke" }).locator("option")).toHaveText(["Velg …", "Radiograf"]);
  await profile.getByRole("combobox", { name: "Yrke" }).selectOption({ label: "Radiograf" });
  await profile.getByRole("combobox", { name: "Fagsystem 1", exact: true }).selectOption({ label: "RIS" });
  await expect(profile.getByRole("combobox", { name: "Rolle i fagsystem 1" })).toHaveValue("Student radiografi");
  await profile.getByLabel("Begrensninger for studenter").fill("Ingen godkjenning av undersøkelser.");
  await profile.getByRole("button", { name: "Lag tilgangsprofil" }).click();
  await expect(mainHeading(page)).toHaveText("Tilgangsprofil for Radiograf");
  await expect(page.getByRole("status")).toHaveText("Tilgangsprofilen for Radiograf er laget.");
  await expect(page.getByRole("heading", { name: "Gjeldende versjon (1)" })).toBeVisible();
});
