import { auditFieldText } from "../../../contracts/audit.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import en from "../../../web/i18n/en.json";
import nb from "../../../web/i18n/nb.json";
import nn from "../../../web/i18n/nn.json";

/**
 * The web's texts, for what the server writes in a person's language (the audit log's CSV): one
 * place for every text, so that the file says what the page says.
 */
type Tree = { [key: string]: string | Tree };
const catalogs: Record<Language, Tree> = { nb, nn, en };

function lookup(tree: Tree, key: string): string | null {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object") return null;
    node = node[part];
  }
  return typeof node === "string" ? node : null;
}

/** The text of `key` in `language` (bokmål when missing there), or null when there is none. */
export function textIn(language: Language, key: string): string | null {
  return lookup(catalogs[language], key) ?? lookup(catalogs.nb, key);
}

/** The audit log's words in one language: headings, entity and action names, field names, roles. */
export function auditTexts(language: Language) {
  const text = (key: string) => textIn(language, key) ?? key;
  return {
    text,
    entity: (code: string) => textIn(language, `audit.entities.${code}`) ?? code,
    action: (code: string) => textIn(language, `audit.actions.${code}`) ?? code,
    field: (name: string) => {
      const key = auditFieldText(name);
      return (key && textIn(language, key)) ?? name;
    },
    role: (role: string) => textIn(language, `roles.${role}`) ?? role,
  };
}
