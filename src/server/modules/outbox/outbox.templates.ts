import type { Language } from "../../../contracts/vocabulary.ts";

/** What every template gets besides its own parameters. */
interface Common {
  /** The app's public address without a trailing slash, for links. */
  appUrl: string;
}

interface Texts {
  subject: string;
  text: string;
}

type Template<P> = Record<Language, (p: P & Common) => Texts>;
const template = <P>(texts: Template<P>) => texts;

/** An app path made into an address people can click in their mail program. */
const url = (p: Common, link: string | null | undefined) => `${p.appUrl}${link ?? "/"}`;

interface NotificationLine {
  text: string;
  link: string | null;
  /** A batch's items, one line each, under its title (`text`). */
  lines?: string[];
}

/** A batch of notifications: its title and every item. */
interface BatchMail {
  title: string;
  lines: string[];
  link: string | null;
  /** The batch's window, for the footer. */
  windowMinutes: number;
}

const bullets = (items: string[]) => items.map((l) => `- ${l}`).join("\n");

/**
 * E-mail templates by key, each in bokmål, nynorsk and English. The outbox picks the text in the
 * recipient's language (person's choice, else the trust's default, else bokmål) and stores the
 * rendered subject and body with the message. Never put a national ID or a password in a template.
 */
export const mailTemplates = {
  /** One notification, sent at once to people who chose that. */
  notification: template<NotificationLine>({
    nb: (p) => ({
      subject: `Praksistilgang: ${p.text}`,
      text: `Hei!\n\n${p.text}\n\nÅpne i Praksistilgang: ${url(p, p.link)}\n\nDu får denne e-posten fordi du har valgt varsler på e-post med en gang. Du kan endre det under Innstillinger i Praksistilgang.\n`,
    }),
    nn: (p) => ({
      subject: `Praksistilgang: ${p.text}`,
      text: `Hei!\n\n${p.text}\n\nOpne i Praksistilgang: ${url(p, p.link)}\n\nDu får denne e-posten fordi du har valt varsel på e-post med ein gong. Du kan endre det under Innstillingar i Praksistilgang.\n`,
    }),
    en: (p) => ({
      subject: `Praksistilgang: ${p.text}`,
      text: `Hello,\n\n${p.text}\n\nOpen in Praksistilgang: ${url(p, p.link)}\n\nYou receive this e-mail because you chose notifications by e-mail at once. You can change this under Settings in Praksistilgang.\n`,
    }),
  }),

  /** A closed batch (an overview's changes), sent to people who chose e-mail at once: every item listed. */
  "notification-batch": template<BatchMail>({
    nb: (p) => ({
      subject: `Praksistilgang: ${p.title}`,
      text: `Hei!\n\n${p.title}:\n\n${bullets(p.lines)}\n\nÅpne i Praksistilgang: ${url(p, p.link)}\n\nEndringer som kommer innen ${p.windowMinutes} minutter etter den første, samles i én e-post. Du får denne e-posten fordi du har valgt varsler på e-post med en gang. Du kan endre det under Innstillinger i Praksistilgang.\n`,
    }),
    nn: (p) => ({
      subject: `Praksistilgang: ${p.title}`,
      text: `Hei!\n\n${p.title}:\n\n${bullets(p.lines)}\n\nOpne i Praksistilgang: ${url(p, p.link)}\n\nEndringar som kjem innan ${p.windowMinutes} minutt etter den første, vert samla i éin e-post. Du får denne e-posten fordi du har valt varsel på e-post med ein gong. Du kan endre det under Innstillingar i Praksistilgang.\n`,
    }),
    en: (p) => ({
      subject: `Praksistilgang: ${p.title}`,
      text: `Hello,\n\n${p.title}:\n\n${bullets(p.lines)}\n\nOpen in Praksistilgang: ${url(p, p.link)}\n\nChanges made within ${p.windowMinutes} minutes of the first are gathered into one e-mail. You receive this e-mail because you chose notifications by e-mail at once. You can change this under Settings in Praksistilgang.\n`,
    }),
  }),

  /** The daily digest at 07:00: the unread notifications of the last day, in one e-mail. */
  "notification-digest": template<{ items: NotificationLine[] }>({
    nb: (p) => ({
      subject: `Praksistilgang: ${p.items.length === 1 ? "1 nytt varsel" : `${p.items.length} nye varsler`}`,
      text: `Hei!\n\nDette har skjedd i Praksistilgang det siste døgnet:\n\n${lines(p)}\nDu får én e-post om dagen fordi du har valgt daglig sammendrag. Du kan endre det under Innstillinger i Praksistilgang.\n`,
    }),
    nn: (p) => ({
      subject: `Praksistilgang: ${p.items.length === 1 ? "1 nytt varsel" : `${p.items.length} nye varsel`}`,
      text: `Hei!\n\nDette har skjedd i Praksistilgang det siste døgeret:\n\n${lines(p)}\nDu får éin e-post om dagen fordi du har valt dagleg samandrag. Du kan endre det under Innstillingar i Praksistilgang.\n`,
    }),
    en: (p) => ({
      subject: `Praksistilgang: ${p.items.length === 1 ? "1 new notification" : `${p.items.length} new notifications`}`,
      text: `Hello,\n\nThis happened in Praksistilgang during the last day:\n\n${lines(p)}\nYou receive one e-mail a day because you chose a daily digest. You can change this under Settings in Praksistilgang.\n`,
    }),
  }),

  /** An admin approved an account request or created a person: set a password, or sign in with the organisation's login. */
  "account-invitation": template<{ name: string; trustName: string; setPasswordLink: string }>({
    nb: (p) => ({
      subject: `Du har fått tilgang til Praksistilgang (${p.trustName})`,
      text: `Hei, ${p.name}!\n\nDu har fått tilgang til Praksistilgang i ${p.trustName}.\n\nVelg et passord her (lenken virker i 7 dager og kan brukes én gang):\n${url(p, p.setPasswordLink)}\n\nHar organisasjonen din innlogging med Feide eller Entra ID i Praksistilgang, kan du i stedet logge inn med den på ${url(p, "/logg-inn")}.\n`,
    }),
    nn: (p) => ({
      subject: `Du har fått tilgang til Praksistilgang (${p.trustName})`,
      text: `Hei, ${p.name}!\n\nDu har fått tilgang til Praksistilgang i ${p.trustName}.\n\nVel eit passord her (lenkja verkar i 7 dagar og kan brukast éin gong):\n${url(p, p.setPasswordLink)}\n\nHar organisasjonen din innlogging med Feide eller Entra ID i Praksistilgang, kan du i staden logge inn med den på ${url(p, "/logg-inn")}.\n`,
    }),
    en: (p) => ({
      subject: `You have been given access to Praksistilgang (${p.trustName})`,
      text: `Hello ${p.name},\n\nYou have been given access to Praksistilgang at ${p.trustName}.\n\nChoose a password here (the link works for 7 days, once):\n${url(p, p.setPasswordLink)}\n\nIf your organisation signs in with Feide or Entra ID in Praksistilgang, you can sign in with that instead at ${url(p, "/logg-inn")}.\n`,
    }),
  }),

  /** An admin declined an account request, with the reason. */
  "account-request-declined": template<{ name: string; trustName: string; reason: string }>({
    nb: (p) => ({
      subject: `Forespørselen din om tilgang til Praksistilgang (${p.trustName})`,
      text: `Hei, ${p.name}!\n\n${p.trustName} har ikke gitt deg tilgang til Praksistilgang nå.\n\nBegrunnelse: ${p.reason}\n\nTa kontakt med kontaktpersonen din ved helseforetaket om du har spørsmål.\n`,
    }),
    nn: (p) => ({
      subject: `Førespurnaden din om tilgang til Praksistilgang (${p.trustName})`,
      text: `Hei, ${p.name}!\n\n${p.trustName} har ikkje gitt deg tilgang til Praksistilgang no.\n\nGrunngiving: ${p.reason}\n\nTa kontakt med kontaktpersonen din ved helseføretaket om du har spørsmål.\n`,
    }),
    en: (p) => ({
      subject: `Your request for access to Praksistilgang (${p.trustName})`,
      text: `Hello ${p.name},\n\n${p.trustName} has not given you access to Praksistilgang for now.\n\nReason: ${p.reason}\n\nContact your contact person at the trust if you have questions.\n`,
    }),
  }),
};

function lines(p: { items: NotificationLine[] } & Common): string {
  return p.items
    .map((i) => `- ${i.text}\n${(i.lines ?? []).map((l) => `  · ${l}\n`).join("")}  ${url(p, i.link)}\n`)
    .join("\n");
}

export type MailTemplateKey = keyof typeof mailTemplates;
/** The parameters template `K` needs (the app address is added by the outbox). */
export type MailParams<K extends MailTemplateKey> = Omit<Parameters<(typeof mailTemplates)[K]["nb"]>[0], "appUrl">;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** A plain HTML twin of the text: escaped, paragraphs kept, the app's own links clickable. */
function textToHtml(text: string, appUrl: string): string {
  const linkPattern = new RegExp(`${appUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s<]*`, "g");
  const body = text
    .trim()
    .split(/\n{2,}/)
    .map((para) => {
      const html = escapeHtml(para).replace(linkPattern, (u) => `<a href="${u}">${u}</a>`);
      return `<p>${html.replaceAll("\n", "<br>")}</p>`;
    })
    .join("\n");
  return `<!doctype html><html><body style="font-family: Inter, Arial, sans-serif; line-height: 1.5">\n${body}\n</body></html>`;
}

/** Renders template `key` in `language`. Subjects are one line of at most 200 characters. */
export function renderMail<K extends MailTemplateKey>(
  key: K,
  language: Language,
  params: MailParams<K>,
  appUrl: string,
): RenderedMail {
  const render = mailTemplates[key][language] as (p: MailParams<K> & Common) => Texts;
  return renderTexts(render({ ...params, appUrl }), appUrl);
}

/**
 * A subject and text another module wrote from its own templates (registrations' e-mail to
 * students), finished as the outbox's own: the subject on one line, the HTML twin of the text.
 */
export function renderTexts({ subject, text }: Texts, appUrl: string): RenderedMail {
  const oneLine = subject.replace(/\s+/g, " ").trim();
  return {
    subject: oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine,
    text,
    html: textToHtml(text, appUrl),
  };
}
