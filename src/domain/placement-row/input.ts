import { normalizeEmail, normalizeMobile } from "../contact.ts";
import { parseDate } from "../dates.ts";
import { maskNationalIdsInText } from "../free-text.ts";
import { validateNationalId } from "../national-id.ts";
import { normalizeName } from "../similarity.ts";
import type { RowContext, Site } from "./context.ts";
import { fieldInfos, type RowData, type RowField, type RowInput, type StringField } from "./fields.ts";

function normalizeNationalId(raw: string, testMode: boolean) {
  const s = raw.trim();
  if (!s) return { value: "", warnings: [] as string[] };
  const r = validateNationalId(s, { testMode });
  return r.ok ? { value: r.value, warnings: r.warnings as string[] } : { value: s, warnings: [] };
}

/** Each list of sites by normalized name (the first of a name, as a search of the list finds), made once per list. */
const sitesByName = new WeakMap<readonly Site[], Map<string, Site>>();
const siteByName = (sites: Site[], name: string) => {
  let byName = sitesByName.get(sites);
  if (!byName) {
    byName = new Map();
    for (const s of sites) {
      const key = normalizeName(s.name);
      if (!byName.has(key)) byName.set(key, s);
    }
    sitesByName.set(sites, byName);
  }
  return byName.get(normalizeName(name));
};

/**
 * An identifier kept as typed because it is not valid: a national ID in it is masked, so the plain
 * number is never stored; the mask still flags the field (`holdsNationalId`).
 */
const keptAsTyped = (value: string) => maskNationalIdsInText(value.trim()).text;

const singleSpaced = (v: string) => v.trim().replace(/\s+/g, " ");

/** The site named `name` in the trust's list, else the name as typed with no id. */
function siteNamed(d: RowData, sites: Site[], typed: string) {
  const name = singleSpaced(typed);
  const site = name ? siteByName(sites, name) : undefined;
  d.placementSiteId = site?.id ?? null;
  d.placementSiteName = site?.name ?? name;
}

/**
 * `base` with the fields `input` names, each normalized by its form (`fields.ts`). A placement site
 * id that is not in the trust's list is reported in `unknownSiteId` (the caller refuses it); a site
 * name is matched to the list (case, spaces and punctuation aside) and kept as typed when unknown.
 * An e-mail address or previous username holding a national ID is kept masked, with its problem.
 */
export function applyInput(
  base: RowData,
  input: RowInput,
  ctx: Pick<RowContext, "testMode" | "sites">,
): { data: RowData; warnings: { field: RowField; code: string }[]; unknownSiteId: boolean } {
  const d: RowData = { ...base };
  const warnings: { field: RowField; code: string }[] = [];
  let unknownSiteId = false;
  for (const f of fieldInfos) {
    if (f.form === "site") continue;
    const key = f.key as StringField;
    const v = input[key];
    if (v === undefined) continue;
    switch (f.form) {
      case "text":
        d[key] = singleSpaced(v);
        break;
      case "username":
        d[key] = keptAsTyped(v);
        break;
      case "nationalId": {
        const r = normalizeNationalId(v, ctx.testMode);
        d[key] = r.value;
        for (const w of r.warnings) warnings.push({ field: key, code: w });
        break;
      }
      case "email": {
        const r = normalizeEmail(v);
        d[key] = r.ok ? r.value : keptAsTyped(v);
        break;
      }
      case "mobile": {
        const r = normalizeMobile(v);
        d[key] = r.ok ? r.value : v.trim();
        break;
      }
      case "date":
        d[key] = parseDate(v) ?? v.trim();
        break;
    }
  }
  if (input.placementSiteId !== undefined) {
    if (input.placementSiteId === null) siteNamed(d, ctx.sites, input.placementSiteName ?? "");
    else {
      const site = ctx.sites.find((s) => s.id === input.placementSiteId);
      if (site) {
        d.placementSiteId = site.id;
        d.placementSiteName = site.name;
      } else unknownSiteId = true;
    }
  } else if (input.placementSiteName !== undefined) siteNamed(d, ctx.sites, input.placementSiteName);
  return { data: d, warnings, unknownSiteId };
}
