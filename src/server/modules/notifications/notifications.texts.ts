import type { Language } from "../../../contracts/common.ts";

type Text<P> = Record<Language, (p: P) => string>;
const text = <P>(texts: Text<P>) => texts;

/**
 * Notification texts by key, in bokmål, nynorsk and English, for `notify(tx, { message })`.
 * A feature may instead pass its own `texts` for the three languages. No national IDs here.
 */
export const notificationTexts = {
  "account_request.received": text<{ name: string; institution: string }>({
    nb: (p) => `${p.name} (${p.institution}) ber om tilgang til Praksistilgang`,
    nn: (p) => `${p.name} (${p.institution}) ber om tilgang til Praksistilgang`,
    en: (p) => `${p.name} (${p.institution}) asks for access to Praksistilgang`,
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
