import type { Language, Role } from "../../../contracts/vocabulary.ts";
import { formatChangeValue } from "../../../domain/change-values.ts";
import { formatDate } from "../../../domain/dates.ts";
import { fieldInfos } from "../../../domain/placement-row/fields.ts";

/** Role names as people at the trusts say them. */
export const roleNames: Record<Language, Record<Role, string>> = {
  nb: {
    admin: "administrator",
    student_admin: "studentadministrator (FOU)",
    coordinator: "praksiskoordinator",
    it_provider: "Helse Vest IKT",
    ehealth: "E-helse",
  },
  nn: {
    admin: "administrator",
    student_admin: "studentadministrator (FOU)",
    coordinator: "praksiskoordinator",
    it_provider: "Helse Vest IKT",
    ehealth: "E-helse",
  },
  en: {
    admin: "administrator",
    student_admin: "student administrator (FOU)",
    coordinator: "placement coordinator",
    it_provider: "IT provider (Helse Vest IKT)",
    ehealth: "E-health",
  },
};

type Text<P> = Record<Language, (p: P) => string>;
const text = <P>(texts: Text<P>) => texts;

/** One change gathered into an overview's batch (national IDs already masked, values as stored). */
export interface OverviewChangeItem {
  kind:
    | "sheet_added"
    | "row_added"
    | "row_removed"
    | "cell_changed"
    | "comment_added"
    | "row_withdrawn"
    | "row_extended";
  sheetId: string;
  sheet: string;
  rowId: string | null;
  /** "Fornavn Etternavn" as the row reads after the change; empty while it has no names. */
  name: string;
  field: string | null;
  from: string | null;
  to: string | null;
}
export interface OverviewChangeContext {
  overviewId: string;
  document: string;
}

const overviewWords: Record<
  Language,
  {
    empty: string;
    noName: string;
    added: string;
    removed: string;
    withdrawn: string;
    extended: string;
    comment: string;
    sheet: string;
    more: (n: number) => string;
    changes: (n: number) => string;
  }
> = {
  nb: {
    empty: "(tom)",
    noName: "(uten navn)",
    added: "Ny rad",
    removed: "Fjernet rad",
    withdrawn: "Trukket fra praksis",
    extended: "Praksis forlenget",
    comment: "Kommentar på",
    sheet: "Nytt ark",
    more: (n) => `og ${n} ${n === 1 ? "endring" : "endringer"} til`,
    changes: (n) => `${n} ${n === 1 ? "endring" : "endringer"} i`,
  },
  nn: {
    empty: "(tom)",
    noName: "(utan namn)",
    added: "Ny rad",
    removed: "Fjerna rad",
    withdrawn: "Trekt frå praksis",
    extended: "Praksis forlengd",
    comment: "Kommentar på",
    sheet: "Nytt ark",
    more: (n) => `og ${n} ${n === 1 ? "endring" : "endringar"} til`,
    changes: (n) => `${n} ${n === 1 ? "endring" : "endringar"} i`,
  },
  en: {
    empty: "(empty)",
    noName: "(no name)",
    added: "New row",
    removed: "Removed row",
    withdrawn: "Withdrawn from placement",
    extended: "Placement extended",
    comment: "Comment on",
    sheet: "New sheet",
    more: (n) => `and ${n} more ${n === 1 ? "change" : "changes"}`,
    changes: (n) => `${n} ${n === 1 ? "change" : "changes"} to`,
  },
};

/** Changes shown in the notification itself; the e-mail lists them all. */
const shownInNotification = 5;

/**
 * An overview's batch of changes in one language: every change as a line ("Kari Nordmann,
 * Praksissted: Akuttmottaket → Kvinneklinikken"), values as people read them. A row is named by the
 * latest name the batch knows for it, so a row added empty and named afterwards is named.
 */
function overviewChangeLines(language: Language, items: OverviewChangeItem[]) {
  const w = overviewWords[language];
  const sheets = [...new Set(items.map((i) => i.sheet))];
  const latestName = new Map<string, string>();
  for (const i of items) if (i.rowId && i.name) latestName.set(i.rowId, i.name);
  const lines = items.map((i) => {
    const name = (i.rowId ? latestName.get(i.rowId) : i.name) || w.noName;
    const where = sheets.length === 1 ? "" : ` [${i.sheet}]`;
    const value = (v: string | null) => formatChangeValue(i.field, v) || w.empty;
    switch (i.kind) {
      case "cell_changed":
        return `${name}${where}, ${fieldInfos.find((f) => f.key === i.field)?.names[language] ?? i.field}: ${value(i.from)} → ${value(i.to)}`;
      case "row_added":
        return `${w.added}${where}: ${name}`;
      case "row_removed":
        return `${w.removed}${where}: ${name}`;
      case "row_withdrawn":
        return `${w.withdrawn}${where}: ${name} (${value(i.to)})`;
      case "row_extended":
        return `${w.extended}${where}: ${name}, ${value(i.from)} → ${value(i.to)}`;
      case "comment_added":
        return `${w.comment} ${name}${where}: «${i.to ?? ""}»`;
      default:
        return `${w.sheet}: ${i.sheet}`;
    }
  });
  return { sheets, lines };
}

function overviewChangeTexts(language: Language, c: OverviewChangeContext, items: OverviewChangeItem[]): BatchTexts {
  const w = overviewWords[language];
  const { sheets, lines } = overviewChangeLines(language, items);
  const where = `${c.document}${sheets.length === 1 ? `, ${sheets[0]}` : ""}`;
  const shown = lines.slice(0, shownInNotification);
  if (lines.length > shown.length) shown.push(w.more(lines.length - shown.length));
  return { text: `${shown.join("; ")} (${where})`, title: `${w.changes(lines.length)} ${where}`, lines };
}

/** What a batch shows: the notification's text, the e-mail's title and every item as a line. */
export interface BatchTexts {
  text: string;
  title: string;
  lines: string[];
}

interface BatchKindDefinition<C, I> {
  /** The texts rebuilt from all the batch's items, in the reader's language. */
  texts(language: Language, context: C, items: I[]): BatchTexts;
  /** The app path the notification opens. */
  link(context: C, items: I[]): string;
}
const batchKind = <C, I>(d: BatchKindDefinition<C, I>) => d;

/** Batched notifications by kind (`notifier.gather`). No national IDs here. */
export const batchKinds = {
  "overview.changed": batchKind<OverviewChangeContext, OverviewChangeItem>({
    texts: overviewChangeTexts,
    link: (c, items) => {
      const sheetIds = [...new Set(items.map((i) => i.sheetId))];
      return `/oversikter/${c.overviewId}${sheetIds.length === 1 ? `?ark=${sheetIds[0]}` : ""}`;
    },
  }),
};

export type BatchKind = keyof typeof batchKinds;
export type BatchContext<K extends BatchKind> = Parameters<(typeof batchKinds)[K]["link"]>[0];
export type BatchItem<K extends BatchKind> = Parameters<(typeof batchKinds)[K]["link"]>[1][number];

/** A stored batch's texts and link, from its context and items as its kind wrote them. */
export function renderBatch(
  kind: string,
  language: Language,
  context: unknown,
  items: unknown[],
): BatchTexts & { link: string } {
  const k = batchKinds[kind as BatchKind] as unknown as BatchKindDefinition<unknown, unknown> | undefined;
  if (!k) throw new Error(`Unknown notification batch kind: ${kind}`);
  return { ...k.texts(language, context, items), link: k.link(context, items) };
}

const overviewTexts = {
  "overview.deadline_reminder": text<{ document: string; sheet: string; deadline: string }>({
    nb: (p) => `Fristen for ${p.document}, ${p.sheet} er ${formatDate(p.deadline)}: levér oversikten innen da`,
    nn: (p) => `Fristen for ${p.document}, ${p.sheet} er ${formatDate(p.deadline)}: lever oversikta innan då`,
    en: (p) => `The deadline for ${p.document}, ${p.sheet} is ${formatDate(p.deadline)}: submit the overview by then`,
  }),
  "overview.submitted": text<{ document: string; sheet: string; late: boolean }>({
    nb: (p) => `${p.document}, ${p.sheet} er levert${p.late ? " for sent — tilgang kan ikke garanteres i tide" : ""}`,
    nn: (p) =>
      `${p.document}, ${p.sheet} er levert${p.late ? " for seint — tilgang kan ikkje garanterast i tide" : ""}`,
    en: (p) => `${p.document}, ${p.sheet} was submitted${p.late ? " late — access cannot be guaranteed in time" : ""}`,
  }),
};

/**
 * Notification texts by key, in bokmål, nynorsk and English, for `notify(tx, { message })`.
 * A feature may instead pass its own `texts` for the three languages. No national IDs here.
 */
export const notificationTexts = {
  ...overviewTexts,
  "account_request.received": text<{ name: string; institution: string }>({
    nb: (p) => `${p.name} (${p.institution}) ber om tilgang til Praksistilgang`,
    nn: (p) => `${p.name} (${p.institution}) ber om tilgang til Praksistilgang`,
    en: (p) => `${p.name} (${p.institution}) asks for access to Praksistilgang`,
  }),
  "account_request.role_given": text<{ trust: string; role: Role }>({
    nb: (p) => `Du har fått rollen ${roleNames.nb[p.role]} i ${p.trust}`,
    nn: (p) => `Du har fått rolla ${roleNames.nn[p.role]} i ${p.trust}`,
    en: (p) => `You have been given the role ${roleNames.en[p.role]} at ${p.trust}`,
  }),
};

export type NotificationTextKey = keyof typeof notificationTexts;
export type NotificationTextParams<K extends NotificationTextKey> = Parameters<(typeof notificationTexts)[K]["nb"]>[0];

export function renderNotificationText<K extends NotificationTextKey>(
  key: K,
  language: Language,
  params: NotificationTextParams<K>,
): string {
  return (notificationTexts[key][language] as (p: NotificationTextParams<K>) => string)(params);
}
