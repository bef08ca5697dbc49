import type { TFunction } from "i18next";
import type { LineChangeDto } from "../../contracts/orders.ts";
import { changesText } from "../../domain/line-changes.ts";
import type { ChangeType } from "../../domain/order-lines.ts";

type Language = "nb" | "nn" | "en";
const languageOf = (lng: string | undefined): Language => (lng === "nn" || lng === "en" ? lng : "nb");

/** What a line asks of the IT provider, in words: Ny, Endret, Forlenget, Deaktiver. */
export const changeTypeText = (t: TFunction, type: ChangeType) => t(`orders.changeTypes.${type}`);

/** A line's or row's changes since the order, from → to ("Sluttdato 31.01.2027 → 14.02.2027"), in the page's language. */
export const changesLabel = (changes: readonly LineChangeDto[], lng: string | undefined) =>
  changesText(changes, languageOf(lng));
