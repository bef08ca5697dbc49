import { type IsoDate, overlaps } from "./dates.ts";

/**
 * Which access profile a placement row is ordered with (SPEC §3.2 step 4, §3.5): the profile of
 * the profession its programme leads to, plus the approved exceptions for that programme and
 * period. Plain rules, no I/O: the orders read the rows, programmes, profiles and exceptions and
 * ask here.
 */

/** A system and the role in it. */
export interface ProfileItem {
  systemId: string;
  role: string;
}

/** A study programme of the row's institution and the profession it leads to. */
export interface InstitutionProgramme {
  id: string;
  name: string;
  professionId: string;
}

/** The current version of a profession's profile (archived profiles are not current). */
export interface CurrentProfile {
  professionId: string;
  versionId: string;
  version: number;
  items: readonly ProfileItem[];
}

/**
 * An approved change request for a programme and period (the change-requests issue makes them):
 * it adds systems (or gives another role in one) and removes others, for rows of that programme
 * whose period overlaps its dates.
 */
export interface ProfileException {
  id: string;
  programmeId: string;
  from: IsoDate;
  to: IsoDate;
  add: readonly ProfileItem[];
  /** Systems the exception takes away. */
  remove: readonly string[];
}

/** A system and role to order, and the exception that put it there (null: the profile's own). */
export interface ResolvedItem extends ProfileItem {
  exceptionId: string | null;
}

export interface ProfileQuestion {
  /** The programme of the row's document (`student_groups.programme_id`). */
  documentProgrammeId: string;
  /** The row's study programme as typed; empty means the document's. */
  studyProgramme: string;
  /** The row's period (its sheet's dates), which exceptions are matched against. */
  period: { start: IsoDate; end: IsoDate };
  /** The study programmes of the document's institution at the trust. */
  programmes: readonly InstitutionProgramme[];
  /** The trust's current profiles. */
  profiles: readonly CurrentProfile[];
  /** The approved exceptions of the trust; none until change requests exist. */
  exceptions: readonly ProfileException[];
}

/**
 * - `unknown_programme`: the row's study programme names no programme of the institution — an
 *   error to fix in the sheet before the row is ordered;
 * - `no_profile`: the programme's profession has no current access profile — for an admin to make.
 */
export type ProfileResolution =
  | {
      ok: true;
      programmeId: string;
      professionId: string;
      profileVersionId: string;
      version: number;
      items: ResolvedItem[];
    }
  | { ok: false; reason: "unknown_programme"; studyProgramme: string }
  | { ok: false; reason: "no_profile"; programmeId: string; professionId: string };

/** A programme's name as compared: trimmed, inner spaces as one, case ignored. */
export const programmeKey = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");

/**
 * The row's programme: the document's unless the row's study programme names another programme of
 * the institution; a study programme that names none is null.
 */
export function rowProgramme(
  q: Pick<ProfileQuestion, "documentProgrammeId" | "studyProgramme" | "programmes">,
): InstitutionProgramme | null {
  const documents = q.programmes.find((p) => p.id === q.documentProgrammeId) ?? null;
  const typed = programmeKey(q.studyProgramme);
  if (typed === "" || (documents && programmeKey(documents.name) === typed)) return documents;
  return q.programmes.find((p) => programmeKey(p.name) === typed) ?? null;
}

/**
 * EXCEPTIONS APPLY HERE, and only here: each exception for the programme whose dates overlap the
 * period, in the order given, takes away its `remove` systems and adds its `add` items (replacing
 * the role of a system already there), marking what it put there with its id.
 */
export function applyExceptions(
  items: readonly ProfileItem[],
  exceptions: readonly ProfileException[],
  programmeId: string,
  period: ProfileQuestion["period"],
): ResolvedItem[] {
  let resolved: ResolvedItem[] = items.map((item) => ({ ...item, exceptionId: null }));
  for (const exception of exceptions) {
    if (exception.programmeId !== programmeId) continue;
    if (!overlaps(exception.from, exception.to, period.start, period.end)) continue;
    const replaced = new Set([...exception.remove, ...exception.add.map((a) => a.systemId)]);
    resolved = [
      ...resolved.filter((item) => !replaced.has(item.systemId)),
      ...exception.add.map((item) => ({ systemId: item.systemId, role: item.role, exceptionId: exception.id })),
    ];
  }
  return resolved;
}

/** The profile version, and the systems and roles, a row is ordered with; or why it cannot be. */
export function resolveAccessProfile(q: ProfileQuestion): ProfileResolution {
  const programme = rowProgramme(q);
  if (!programme) return { ok: false, reason: "unknown_programme", studyProgramme: q.studyProgramme.trim() };
  const profile = q.profiles.find((p) => p.professionId === programme.professionId);
  if (!profile)
    return { ok: false, reason: "no_profile", programmeId: programme.id, professionId: programme.professionId };
  return {
    ok: true,
    programmeId: programme.id,
    professionId: programme.professionId,
    profileVersionId: profile.versionId,
    version: profile.version,
    items: applyExceptions(profile.items, q.exceptions, programme.id, q.period),
  };
}
