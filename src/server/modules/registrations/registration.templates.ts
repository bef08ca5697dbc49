import type { Language } from "../../../contracts/vocabulary.ts";
import { formatDate } from "../../../domain/dates.ts";

/**
 * E-mail to students about their registration, in their language (nb, nn, en). The outbox stores
 * and sends them (`enqueueWrittenEmail`). Never a national ID or a password in them.
 */
interface Texts {
  subject: string;
  text: string;
}
type Template<P> = Record<Language, (p: P) => Texts>;

interface Confirm {
  firstName: string;
  trustName: string;
  institutionName: string;
  deadline: string;
  /** Links made absolute by the caller. */
  confirmUrl: string;
  personalUrl: string;
  studentInfoUrl: string | null;
}

interface ConfirmChange {
  firstName: string;
  trustName: string;
  confirmUrl: string;
}

const next = {
  nb: (p: { trustName: string; studentInfoUrl: string | null }) =>
    `Hva skjer nå?\n- ${p.trustName} registrerer deg i HR-systemet før praksisen.\n- Brukernavnet ditt kommer på e-post til denne adressen før praksisstart.\n- Passordet kommer på SMS fra Helse Vest IKT den første morgenen. Praksistilgang spør aldri om passord.${p.studentInfoUrl ? `\n\nLes hva du må gjøre før praksis: ${p.studentInfoUrl}` : ""}`,
  nn: (p: { trustName: string; studentInfoUrl: string | null }) =>
    `Kva skjer no?\n- ${p.trustName} registrerer deg i HR-systemet før praksisen.\n- Brukarnamnet ditt kjem på e-post til denne adressa før praksisstart.\n- Passordet kjem på SMS frå Helse Vest IKT den første morgonen. Praksistilgang spør aldri om passord.${p.studentInfoUrl ? `\n\nLes kva du må gjere før praksis: ${p.studentInfoUrl}` : ""}`,
  en: (p: { trustName: string; studentInfoUrl: string | null }) =>
    `What happens next?\n- ${p.trustName} registers you in the HR system before the placement.\n- Your username arrives by e-mail at this address before the placement starts.\n- Your password arrives by SMS from Helse Vest IKT on the first morning. Praksistilgang never asks for passwords.${p.studentInfoUrl ? `\n\nRead what to do before the placement: ${p.studentInfoUrl}` : ""}`,
};

export const registrationTemplates = {
  /** After the form: confirm the address; the personal link; what happens next. */
  "registration-confirm": {
    nb: (p) => ({
      subject: `Bekreft e-postadressen din – registrering hos ${p.trustName}`,
      text: `Hei, ${p.firstName}!\n\nTakk for registreringen til praksis hos ${p.trustName} (${p.institutionName}).\n\nBekreft e-postadressen din her: ${p.confirmUrl}\nRegistreringen gjelder ikke før adressen er bekreftet.\n\nDin personlige side, der du ser status og kan rette kontaktopplysningene til ${formatDate(p.deadline)}: ${p.personalUrl}\n\n${next.nb(p)}\n\nHar du ikke registrert deg selv? Da kan du se bort fra denne e-posten.\n`,
    }),
    nn: (p) => ({
      subject: `Stadfest e-postadressa di – registrering hos ${p.trustName}`,
      text: `Hei, ${p.firstName}!\n\nTakk for registreringa til praksis hos ${p.trustName} (${p.institutionName}).\n\nStadfest e-postadressa di her: ${p.confirmUrl}\nRegistreringa gjeld ikkje før adressa er stadfesta.\n\nDi personlege side, der du ser status og kan rette kontaktopplysningane til ${formatDate(p.deadline)}: ${p.personalUrl}\n\n${next.nn(p)}\n\nHar du ikkje registrert deg sjølv? Då kan du sjå bort frå denne e-posten.\n`,
    }),
    en: (p) => ({
      subject: `Confirm your e-mail address – registration with ${p.trustName}`,
      text: `Hello ${p.firstName},\n\nThank you for registering for your placement with ${p.trustName} (${p.institutionName}).\n\nConfirm your e-mail address here: ${p.confirmUrl}\nThe registration does not count until the address is confirmed.\n\nYour personal page, where you see the status and can correct your contact details until ${formatDate(p.deadline)}: ${p.personalUrl}\n\n${next.en(p)}\n\nDid you not register yourself? Then you may ignore this e-mail.\n`,
    }),
  } satisfies Template<Confirm>,

  /** A second registration with the national ID of a known one: confirm the change from the address on record. */
  "registration-confirm-change": {
    nb: (p) => ({
      subject: `Bekreft endringen av registreringen din hos ${p.trustName}`,
      text: `Hei, ${p.firstName}!\n\nNoen har sendt inn en ny registrering med opplysningene dine hos ${p.trustName}. Ingenting er endret ennå.\n\nVar det deg, og vil du bruke de nye opplysningene? Bekreft her: ${p.confirmUrl}\n\nVar det ikke deg, kan du se bort fra denne e-posten: registreringen din står som før.\n`,
    }),
    nn: (p) => ({
      subject: `Stadfest endringa av registreringa di hos ${p.trustName}`,
      text: `Hei, ${p.firstName}!\n\nNokon har sendt inn ei ny registrering med opplysningane dine hos ${p.trustName}. Ingenting er endra enno.\n\nVar det deg, og vil du bruke dei nye opplysningane? Stadfest her: ${p.confirmUrl}\n\nVar det ikkje deg, kan du sjå bort frå denne e-posten: registreringa di står som før.\n`,
    }),
    en: (p) => ({
      subject: `Confirm the change to your registration with ${p.trustName}`,
      text: `Hello ${p.firstName},\n\nSomeone sent a new registration with your details to ${p.trustName}. Nothing has changed yet.\n\nWas it you, and do you want to use the new details? Confirm here: ${p.confirmUrl}\n\nIf it was not you, you may ignore this e-mail: your registration stays as it was.\n`,
    }),
  } satisfies Template<ConfirmChange>,

  /** "I didn't get the e-mail" / "I lost my link": new links to the address on record. */
  "registration-links": {
    nb: (p) => ({
      subject: `Lenkene til registreringen din hos ${p.trustName}`,
      text: `Hei, ${p.firstName}!\n\nHer er lenkene du ba om. De gamle lenkene virker ikke lenger.\n${p.confirmUrl ? `\nBekreft e-postadressen din: ${p.confirmUrl}\n` : ""}\nDin personlige side: ${p.personalUrl}\n\n${next.nb(p)}\n`,
    }),
    nn: (p) => ({
      subject: `Lenkjene til registreringa di hos ${p.trustName}`,
      text: `Hei, ${p.firstName}!\n\nHer er lenkjene du bad om. Dei gamle lenkjene verkar ikkje lenger.\n${p.confirmUrl ? `\nStadfest e-postadressa di: ${p.confirmUrl}\n` : ""}\nDi personlege side: ${p.personalUrl}\n\n${next.nn(p)}\n`,
    }),
    en: (p) => ({
      subject: `The links to your registration with ${p.trustName}`,
      text: `Hello ${p.firstName},\n\nHere are the links you asked for. The old links no longer work.\n${p.confirmUrl ? `\nConfirm your e-mail address: ${p.confirmUrl}\n` : ""}\nYour personal page: ${p.personalUrl}\n\n${next.en(p)}\n`,
    }),
  } satisfies Template<{
    firstName: string;
    trustName: string;
    confirmUrl: string | null;
    personalUrl: string;
    studentInfoUrl: string | null;
  }>,
};

export type RegistrationTemplateKey = keyof typeof registrationTemplates;
export type RegistrationTemplateParams<K extends RegistrationTemplateKey> = Parameters<
  (typeof registrationTemplates)[K]["nb"]
>[0];

export function writeRegistrationMail<K extends RegistrationTemplateKey>(
  key: K,
  language: Language,
  params: RegistrationTemplateParams<K>,
): Texts {
  const render = registrationTemplates[key][language] as (p: RegistrationTemplateParams<K>) => Texts;
  return render(params);
}
