import type { z } from "zod";
import type { learningPortalStateSchema } from "../../../../contracts/overviews.ts";
import type { SheetKind } from "../../../../domain/sheet-kind.ts";
import type { OrderState, RegistrationState, StatusColour } from "../../../../domain/statuses.ts";

/** The words and colours an exported workbook uses, in the sheet's language. */

/** The contract's learning portal states (`learningPortalStateSchema`). */
export type LearningPortalState = z.infer<typeof learningPortalStateSchema>;

/** The seed's fills: yellow someone still has to act, green done; red for a rejected order. */
export const stateFills: Record<StatusColour, string> = {
  yellow: "FFFFFF00",
  green: "FF92D050",
  red: "FFFF0000",
};
/** Changed cells, rows added after submission and comments. */
export const changedFontColour = "FFFF0000";
export const dateFormat = "dd.mm.yyyy";

export type Lang = "nb" | "en";
export const langOf = (kind: SheetKind): Lang => (kind === "international" ? "en" : "nb");

export const registrationTexts: Record<Lang, Record<RegistrationState, string>> = {
  nb: { not_registered: "Ikke registrert", registered: "Registrert, ikke overført", transferred: "Overført" },
  en: { not_registered: "Not registered", registered: "Registered, not transferred", transferred: "Transferred" },
};
export const orderTexts: Record<Lang, Record<OrderState, string>> = {
  nb: {
    not_ordered: "Ikke bestilt",
    ordered: "Bestilt",
    approved: "Godkjent",
    implemented: "Iverksatt",
    rejected: "Avslått",
    changed: "Endret etter bestilling",
    extended: "Forlenget",
    to_deactivate: "Til deaktivering",
    deactivated: "Deaktivert",
  },
  en: {
    not_ordered: "Not ordered",
    ordered: "Ordered",
    approved: "Approved",
    implemented: "Implemented",
    rejected: "Rejected",
    changed: "Changed after order",
    extended: "Extended",
    to_deactivate: "To deactivate",
    deactivated: "Deactivated",
  },
};
export const learningPortalTexts: Record<Lang, Record<LearningPortalState, string>> = {
  nb: { not_needed: "Ikke nødvendig", needed: "Trengs", requested: "Bestilt", created: "Opprettet" },
  en: { not_needed: "Not needed", needed: "Needed", requested: "Requested", created: "Created" },
};
export const learningPortalColour = (s: LearningPortalState): StatusColour | null =>
  s === "not_needed" ? null : s === "created" ? "green" : "yellow";

export const noteTexts: Record<Lang, { changed: string; from: string; empty: string }> = {
  nb: { changed: "Endret av", from: "fra", empty: "(tom)" },
  en: { changed: "Changed by", from: "from", empty: "(empty)" },
};
