import type { Language } from "../../../contracts/vocabulary.ts";
import { formatDate } from "../../../domain/dates.ts";

/**
 * The batch e-mail to the trust's Læringsportalen address (SPEC §3.3), in the trust's language:
 * each student's name, e-mail address, home institution and placement dates. Never a national ID
 * or D-number: nothing here has one to give.
 */
export interface BatchMailStudent {
  lastName: string;
  firstName: string;
  email: string;
  homeInstitution: string;
  startDate: string;
  endDate: string;
}

export interface BatchMail {
  trustName: string;
  number: number;
  students: BatchMailStudent[];
}

const line = (s: BatchMailStudent, none: string) =>
  `- ${s.firstName} ${s.lastName} — ${s.email || none} — ${s.homeInstitution || none} — ${formatDate(s.startDate)}–${formatDate(s.endDate)}`;

export const batchMailTemplate: Record<Language, (p: BatchMail) => { subject: string; text: string }> = {
  nb: (p) => ({
    subject: `Bestilling av brukere i Læringsportalen fra ${p.trustName} (nr. ${p.number})`,
    text: `Hei!\n\n${p.trustName} ber om brukere i Læringsportalen for ${p.students.length} ${p.students.length === 1 ? "student" : "studenter"} i praksis som ikke har norsk fødselsnummer:\n\n${p.students.map((s) => line(s, "ikke oppgitt")).join("\n")}\n\n(Navn — e-postadresse — utdanningsinstitusjon — praksisperiode)\n\nSvar gjerne når brukerne er opprettet.\n\nHilsen ${p.trustName}, sendt fra Praksistilgang\n`,
  }),
  nn: (p) => ({
    subject: `Bestilling av brukarar i Læringsportalen frå ${p.trustName} (nr. ${p.number})`,
    text: `Hei!\n\n${p.trustName} ber om brukarar i Læringsportalen for ${p.students.length} ${p.students.length === 1 ? "student" : "studentar"} i praksis som ikkje har norsk fødselsnummer:\n\n${p.students.map((s) => line(s, "ikkje oppgitt")).join("\n")}\n\n(Namn — e-postadresse — utdanningsinstitusjon — praksisperiode)\n\nSvar gjerne når brukarane er oppretta.\n\nHelsing ${p.trustName}, sendt frå Praksistilgang\n`,
  }),
  en: (p) => ({
    subject: `Læringsportalen users requested by ${p.trustName} (no. ${p.number})`,
    text: `Hello,\n\n${p.trustName} asks for Læringsportalen users for ${p.students.length} ${p.students.length === 1 ? "student" : "students"} on placement without a Norwegian national ID:\n\n${p.students.map((s) => line(s, "not given")).join("\n")}\n\n(Name — e-mail address — home institution — placement period)\n\nPlease reply when the users have been created.\n\nRegards, ${p.trustName}, sent from Praksistilgang\n`,
  }),
};
