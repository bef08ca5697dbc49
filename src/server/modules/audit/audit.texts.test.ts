import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions, auditEntities, auditFieldText, auditFieldTexts } from "../../../contracts/audit.ts";
import { rowFieldSchema } from "../../../contracts/overviews.ts";
import { updateTrustSettingsBody } from "../../../contracts/trusts.ts";
import { languages } from "../../../contracts/vocabulary.ts";
import { auditTexts, textIn } from "./audit.texts.ts";
import { columnName } from "./trail.repository.ts";

/** Every `.ts` file below `dir` but tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The server's files that write audit rows, as text. */
const writers = sources("src/server")
  .filter((file) => !file.includes("/modules/audit/"))
  .map((file) => readFileSync(file, "utf8"))
  .filter((text) => /\b(writeAudit|auditRow|AuditEntry)\b/.test(text));

/** String literals that are values, not what a value is compared with (`k === "nationalIdHash"`). */
const literals = (text: string) => [...text.matchAll(/(?<![=!]== )"([a-z][A-Za-z_]*)"/g)].map((m) => m[1] as string);
/** The lines of a `const <name> = [ … ]` or `{ … }` block, up to its closing line. */
const block = (text: string, start: RegExp) => {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => start.test(l));
  if (from < 0) return [];
  const to = lines.findIndex((l, i) => i > from && /^\s*[\]}]/.test(l));
  return lines.slice(from + 1, to);
};
/** The audit entries: the flat object literals naming an `entity` (`{ entity: "user", action: … }`). */
const entries = writers.flatMap((text) =>
  [...text.matchAll(/\{([^{}]*\bentity: [^{}]*)\}/g)].map((m) => m[1] as string),
);

/**
 * The field names the server writes into audit rows, as far as its source says: the literals of
 * the entries' `fields` and of the lines that build a `fields` list, the column names of the
 * sign-in services' and persons' tables of audit names, the retention job's personal fields; and
 * the names made at run time from the row fields and the trust's settings (by their column names).
 */
const writtenFields = new Set([
  ...entries.flatMap((entry) => literals(entry.split(/\bfields:/)[1] ?? "")),
  ...writers.flatMap((text) =>
    text
      .split("\n")
      .filter((line) => /\bfields\.push\(|\bconst fields\b/.test(line))
      .flatMap(literals),
  ),
  ...writers.flatMap((text) => block(text, /const plain = \[/).flatMap((l) => literals(l).slice(1))),
  ...writers.flatMap((text) => block(text, /const auditNames = \{/).flatMap(literals)),
  ...sources("src/server/modules")
    .filter((file) => file.includes("retention"))
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^\s+([a-z_]+): sql<boolean>/gm)].map((m) => m[1] as string),
    ),
  ...rowFieldSchema.options.map(columnName),
  "row",
  ...Object.keys(updateTrustSettingsBody.shape).map(columnName),
]);

/** Names the source maps on before writing them (a merge's `nationalIdEnc` is written `national_id`). */
const mappedBeforeWriting = new Set(["nationalIdEnc"]);

/** The entity kinds and actions the entries name, and the actions of `auditRow(…)` for rows. */
const written = (key: "entity" | "action") =>
  new Set([
    ...entries.flatMap((entry) =>
      [...entry.matchAll(new RegExp(`\\b${key}: ([^,\\n]*)`, "g"))].flatMap((m) => literals(m[1] as string)),
    ),
    ...(key === "action"
      ? writers.flatMap((text) =>
          [...text.matchAll(/auditRow\((?:[^,()]+,){4}\s*"([a-z_]+)"/g)].map((m) => m[1] as string),
        )
      : []),
  ]);

describe("the audit log's words", () => {
  it("finds the field names the server writes (the scan works)", () => {
    expect(writtenFields.size).toBeGreaterThan(40);
    for (const name of ["last_name", "placement_site_id", "read_at", "client_secret", "row_changes", "username"]) {
      expect(writtenFields, name).toContain(name);
    }
  });

  it("have a text for every field name the server writes", () => {
    const untranslated = [...writtenFields].filter((name) => auditFieldText(name) === null);
    expect(untranslated.filter((name) => !mappedBeforeWriting.has(name)).sort()).toEqual([]);
  });

  it("find a field written in camelCase by its column name", () => {
    expect(auditFieldText("shortName")).toBe(auditFieldTexts.short_name);
  });

  it("have every text they name in nb, nn and en", () => {
    const keys = [
      ...Object.values(auditFieldTexts),
      ...auditEntities.map((e) => `audit.entities.${e}`),
      ...auditActions.map((a) => `audit.actions.${a}`),
    ];
    for (const language of languages) {
      const t = auditTexts(language);
      expect(
        keys.filter((key) => textIn(language, key) === null),
        language,
      ).toEqual([]);
      expect(t.field("last_name")).not.toBe("last_name");
    }
    expect(auditTexts("nb").field("placement_site_id")).toBe("Praksissted");
  });

  it("name every entity kind and action the server writes", () => {
    const entities = written("entity");
    const actions = written("action");
    expect(entities.size).toBeGreaterThan(10);
    expect(actions.size).toBeGreaterThan(10);
    expect([...entities].filter((e) => !(auditEntities as readonly string[]).includes(e))).toEqual([]);
    expect([...actions].filter((a) => !(auditActions as readonly string[]).includes(a))).toEqual([]);
  });
});
