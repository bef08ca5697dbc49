import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";

/**
 * The parts of the bokmål texts the first load needs: the shell (header, footer, loading and error
 * texts) and the sign-in page. Sections are top-level keys of nb.json; `section.key` takes one text.
 * Every other page is loaded lazily and waits for the whole of nb.json (`loadAllTexts` in
 * src/web/i18n/i18n.ts), so a text missing here can only show up on the sign-in page.
 */
export const signInSections = [
  "app",
  "common",
  "header",
  "forms",
  "notices",
  "errors",
  "notFound",
  "login",
  "accessibility.title",
] as const;

const suffix = "?sign-in";

type Texts = { [key: string]: string | Texts };

/** Picks the sign-in sections out of the texts (a missing one is an error, not a silent gap). */
export function pickSignInTexts(all: Texts): Texts {
  const out: Texts = {};
  for (const path of signInSections) {
    const [section, key] = path.split(".") as [string, string | undefined];
    const value = all[section];
    if (value === undefined) throw new Error(`nb.json has no section ${section}`);
    if (key === undefined) {
      out[section] = value;
      continue;
    }
    const text = typeof value === "object" ? value[key] : undefined;
    if (text === undefined) throw new Error(`nb.json has no text ${path}`);
    const picked = typeof out[section] === "object" ? out[section] : {};
    picked[key] = text;
    out[section] = picked;
  }
  return out;
}

/** `import texts from "./nb.json?sign-in"`: the sign-in sections of that file, as a module. */
export function signInTexts(): Plugin {
  return {
    name: "praksistilgang:sign-in-texts",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.endsWith(`.json${suffix}`)) return null;
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
      return resolved ? `\0${resolved.id}${suffix}` : null;
    },
    async load(id) {
      if (!id.startsWith("\0") || !id.endsWith(suffix)) return null;
      const file = id.slice(1, -suffix.length);
      this.addWatchFile(file);
      const all = JSON.parse(await readFile(file, "utf8")) as Texts;
      return `export default ${JSON.stringify(pickSignInTexts(all))};`;
    },
  };
}
