import type { Language } from "../../../contracts/vocabulary.ts";
import { formatDate, type IsoDate } from "../../../domain/dates.ts";

/**
 * The reminders before a campaign's deadline, in the recipient's language: to a student who has
 * not registered (7 and 2 days before), and to the coordinators with the list of those students
 * (3 days before). Names only: never a national ID in them.
 */
interface Texts {
  subject: string;
  text: string;
}
type Template<P> = Record<Language, (p: P) => Texts>;

interface StudentReminder {
  firstName: string;
  trustName: string;
  institutionName: string;
  deadline: IsoDate;
  /** The campaign's public link, absolute. */
  formUrl: string;
}

interface CoordinatorReminder {
  campaignName: string;
  trustName: string;
  deadline: IsoDate;
  /** "Etternavn, Fornavn (ark)", one a line. */
  students: string[];
  /** The campaign's list of missing students, absolute. */
  listUrl: string;
}

const bullets = (lines: string[]) => lines.map((l) => `- ${l}`).join("\n");

export const reminderTemplates = {
  "registration-reminder-student": {
    nb: (p) => ({
      subject: `Husk å registrere deg til praksis hos ${p.trustName} innen ${formatDate(p.deadline)}`,
      text: `Hei, ${p.firstName}!\n\nDu skal ha praksis hos ${p.trustName} (${p.institutionName}), men vi har ikke fått registreringen din ennå. Uten den får du ikke brukernavn og tilgang før praksisstart.\n\nRegistrer deg innen ${formatDate(p.deadline)}: ${p.formUrl}\n\nHar du registrert deg allerede? Husk å bekrefte e-postadressen fra lenken vi sendte deg.\n`,
    }),
    nn: (p) => ({
      subject: `Hugs å registrere deg til praksis hos ${p.trustName} innan ${formatDate(p.deadline)}`,
      text: `Hei, ${p.firstName}!\n\nDu skal ha praksis hos ${p.trustName} (${p.institutionName}), men vi har ikkje fått registreringa di enno. Utan ho får du ikkje brukarnamn og tilgang før praksisstart.\n\nRegistrer deg innan ${formatDate(p.deadline)}: ${p.formUrl}\n\nHar du registrert deg allereie? Hugs å stadfeste e-postadressa frå lenkja vi sende deg.\n`,
    }),
    en: (p) => ({
      subject: `Remember to register for your placement at ${p.trustName} by ${formatDate(p.deadline)}`,
      text: `Hello ${p.firstName},\n\nYou have a placement at ${p.trustName} (${p.institutionName}), but we have not received your registration yet. Without it you get no username and no access before the placement starts.\n\nRegister by ${formatDate(p.deadline)}: ${p.formUrl}\n\nRegistered already? Remember to confirm your e-mail address from the link we sent you.\n`,
    }),
  } satisfies Template<StudentReminder>,

  "registration-reminder-coordinator": {
    nb: (p) => ({
      subject: `${p.students.length} studenter har ikke registrert seg – frist ${formatDate(p.deadline)}`,
      text: `Hei!\n\nFristen for «${p.campaignName}» hos ${p.trustName} er ${formatDate(p.deadline)}. Disse studentene har ikke registrert seg ennå:\n\n${bullets(p.students)}\n\nDe har fått en påminnelse på e-post der vi har adressen. Se listen: ${p.listUrl}\n`,
    }),
    nn: (p) => ({
      subject: `${p.students.length} studentar har ikkje registrert seg – frist ${formatDate(p.deadline)}`,
      text: `Hei!\n\nFristen for «${p.campaignName}» hos ${p.trustName} er ${formatDate(p.deadline)}. Desse studentane har ikkje registrert seg enno:\n\n${bullets(p.students)}\n\nDei har fått ei påminning på e-post der vi har adressa. Sjå lista: ${p.listUrl}\n`,
    }),
    en: (p) => ({
      subject: `${p.students.length} students have not registered – deadline ${formatDate(p.deadline)}`,
      text: `Hello,\n\nThe deadline of "${p.campaignName}" at ${p.trustName} is ${formatDate(p.deadline)}. These students have not registered yet:\n\n${bullets(p.students)}\n\nThey were reminded by e-mail where we have their address. See the list: ${p.listUrl}\n`,
    }),
  } satisfies Template<CoordinatorReminder>,
};
