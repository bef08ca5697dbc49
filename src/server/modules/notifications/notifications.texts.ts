import type { Language, Role } from "../../../contracts/common.ts";

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

/** One change in an overview notification (national IDs already masked). */
interface OverviewChangeLine {
  kind: "sheet_added" | "row_added" | "row_removed" | "cell_changed" | "comment_added";
  /** "Fornavn Etternavn". */
  name: string;
  field: string | null;
  from: string | null;
  to: string | null;
  sheet: string;
}
interface OverviewChangeParams {
  document: string;
  sheets: string[];
  lines: OverviewChangeLine[];
  /** Changes beyond the lines shown. */
  more: number;
}

/** Column names of the overview template by language, for change texts. */
const overviewFieldLabels: Record<Language, Record<string, string>> = {
  nb: {
    lastName: "Etternavn",
    firstName: "Fornavn",
    nationalId: "Fødselsnummer",
    birthDate: "Fødselsdato",
    nationality: "Nasjonalitet",
    email: "E-post",
    mobile: "Mobil",
    homeInstitution: "Hjemmeinstitusjon",
    studyProgramme: "Studieprogram",
    placementSiteId: "Praksissted",
    startDate: "Startdato",
    endDate: "Sluttdato",
    dNumber: "D-nummer",
    previousUsername: "Tidligere brukernavn",
  },
  nn: {
    lastName: "Etternamn",
    firstName: "Førenamn",
    nationalId: "Fødselsnummer",
    birthDate: "Fødselsdato",
    nationality: "Nasjonalitet",
    email: "E-post",
    mobile: "Mobil",
    homeInstitution: "Heimeinstitusjon",
    studyProgramme: "Studieprogram",
    placementSiteId: "Praksisstad",
    startDate: "Startdato",
    endDate: "Sluttdato",
    dNumber: "D-nummer",
    previousUsername: "Tidlegare brukarnamn",
  },
  en: {
    lastName: "Surname",
    firstName: "First name",
    nationalId: "National ID",
    birthDate: "Date of birth",
    nationality: "Nationality",
    email: "E-mail",
    mobile: "Mobile",
    homeInstitution: "Home institution",
    studyProgramme: "Study programme",
    placementSiteId: "Placement site",
    startDate: "Start date",
    endDate: "End date",
    dNumber: "D-number",
    previousUsername: "Previous username",
  },
};

const overviewWords: Record<
  Language,
  { empty: string; added: string; removed: string; comment: string; sheet: string; more: (n: number) => string }
> = {
  nb: {
    empty: "(tom)",
    added: "Ny rad",
    removed: "Fjernet rad",
    comment: "Kommentar på",
    sheet: "Nytt ark",
    more: (n) => `og ${n} ${n === 1 ? "endring" : "endringer"} til`,
  },
  nn: {
    empty: "(tom)",
    added: "Ny rad",
    removed: "Fjerna rad",
    comment: "Kommentar på",
    sheet: "Nytt ark",
    more: (n) => `og ${n} ${n === 1 ? "endring" : "endringar"} til`,
  },
  en: {
    empty: "(empty)",
    added: "New row",
    removed: "Removed row",
    comment: "Comment on",
    sheet: "New sheet",
    more: (n) => `and ${n} more ${n === 1 ? "change" : "changes"}`,
  },
};

const dateText = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}` : v;

/** "Kari Nordmann, Praksissted: Akuttmottaket → Kvinneklinikken (HVL Sykepleie kull 2024, Periode 1)". */
function overviewChangeText(language: Language, p: OverviewChangeParams): string {
  const w = overviewWords[language];
  const value = (v: string | null) => (v ? dateText(v) : w.empty);
  const oneSheet = p.sheets.length === 1;
  const lines = p.lines.map((l) => {
    const where = oneSheet ? "" : ` [${l.sheet}]`;
    switch (l.kind) {
      case "cell_changed":
        return `${l.name}${where}, ${overviewFieldLabels[language][l.field ?? ""] ?? l.field}: ${value(l.from)} → ${value(l.to)}`;
      case "row_added":
        return `${w.added}${where}: ${l.name}`;
      case "row_removed":
        return `${w.removed}${where}: ${l.name}`;
      case "comment_added":
        return `${w.comment} ${l.name}${where}: «${l.to ?? ""}»`;
      default:
        return `${w.sheet}: ${l.sheet}`;
    }
  });
  if (p.more > 0) lines.push(w.more(p.more));
  return `${lines.join("; ")} (${p.document}${oneSheet ? `, ${p.sheets[0]}` : ""})`;
}

const overviewTexts = {
  "overview.changed": text<OverviewChangeParams>({
    nb: (p) => overviewChangeText("nb", p),
    nn: (p) => overviewChangeText("nn", p),
    en: (p) => overviewChangeText("en", p),
  }),
  "overview.deadline_reminder": text<{ document: string; sheet: string; deadline: string }>({
    nb: (p) => `Fristen for ${p.document}, ${p.sheet} er ${dateText(p.deadline)}: levér oversikten innen da`,
    nn: (p) => `Fristen for ${p.document}, ${p.sheet} er ${dateText(p.deadline)}: lever oversikta innan då`,
    en: (p) => `The deadline for ${p.document}, ${p.sheet} is ${dateText(p.deadline)}: submit the overview by then`,
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
