import type { Language } from "../../../contracts/vocabulary.ts";
import { formatDate } from "../../../domain/dates.ts";

/**
 * The username e-mail (SPEC §3.2 step 5), in the student's language: the username and the day the
 * placement starts. Never a password or a national ID in it.
 */
export interface UsernameMail {
  firstName: string;
  trustName: string;
  username: string;
  /** The placement's first day (ISO date). */
  startsOn: string;
}

export const usernameMailTemplate: Record<Language, (p: UsernameMail) => { subject: string; text: string }> = {
  nb: (p) => ({
    subject: `Brukernavnet ditt til praksis hos ${p.trustName}`,
    text: `Hei, ${p.firstName}!\n\nPraksisen din hos ${p.trustName} starter ${formatDate(p.startsOn)}. Brukernavnet ditt i Helse Vest IKT sine systemer er:\n\n${p.username}\n\nPassordet får du på SMS fra Helse Vest IKT den første morgenen. Praksistilgang spør aldri om passord.\n`,
  }),
  nn: (p) => ({
    subject: `Brukarnamnet ditt til praksis hos ${p.trustName}`,
    text: `Hei, ${p.firstName}!\n\nPraksisen din hos ${p.trustName} startar ${formatDate(p.startsOn)}. Brukarnamnet ditt i systema til Helse Vest IKT er:\n\n${p.username}\n\nPassordet får du på SMS frå Helse Vest IKT den første morgonen. Praksistilgang spør aldri om passord.\n`,
  }),
  en: (p) => ({
    subject: `Your username for your placement with ${p.trustName}`,
    text: `Hello ${p.firstName},\n\nYour placement with ${p.trustName} starts on ${formatDate(p.startsOn)}. Your username in Helse Vest IKT's systems is:\n\n${p.username}\n\nYour password arrives by SMS from Helse Vest IKT on the first morning. Praksistilgang never asks for passwords.\n`,
  }),
};
