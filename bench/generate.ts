import { performance } from "node:perf_hooks";
import { todayInOslo } from "../src/domain/dates.ts";
import type { Site } from "../src/domain/placement-row/context.ts";
import type { Database } from "../src/server/shared/database.ts";
import { query } from "./databases.ts";
import type { Generated } from "./fixtures.ts";
import { generateActivity } from "./generate-activity.ts";
import type { GenerateContext, GenerateOptions } from "./generate-context.ts";
import { generateDocuments } from "./generate-documents.ts";
import { generateOrders } from "./generate-orders.ts";
import { generateOrganisation, type Programme } from "./generate-organisation.ts";
import { generateRegistrations } from "./generate-registrations.ts";
import { generatePersonsAndRows } from "./generate-rows.ts";
import * as names from "./names.ts";
import { type Person, prng, type Random } from "./synthetic.ts";

/**
 * Fills an empty, migrated database with a Helse Vest region times `scale`, deterministically from
 * `seed`: the four trusts, fifteen institutions with agreements and FOU contacts, programmes,
 * wards, staff, 40,000 students (national IDs encrypted for their row, as the app stores them),
 * 2,000 documents with 125,000 placement rows in sheets over five years of periods (most sheets
 * 20–200 rows, a few of 2,000), comments and change history on submitted sheets, notifications and
 * 1,000,000 audit rows. Every table is filled with set-based statements (`unnest` of arrays,
 * `generate_series`), a few thousand rows per statement. Ids are drawn here, so values are
 * encrypted for the row that holds them.
 *
 * Beside the region, fixed-size fixtures at Helse Bergen are what the benchmark measures: the
 * small list's institution with its documents and sheets of 20, 200 and 2,000 rows, the import
 * targets, and one user per measured role or import.
 *
 * The steps, in this order (they draw from one random sequence): the organisation
 * (generate-organisation.ts), documents and sheets (generate-documents.ts), students and placement
 * rows (generate-rows.ts), comments, changes, notifications and the audit trail
 * (generate-activity.ts), registration (generate-registrations.ts) and orders of access
 * (generate-orders.ts).
 */
export async function generate(database: Database, o: GenerateOptions): Promise<Generated> {
  const started = performance.now();
  const r: Random = prng(o.seed);
  const now = new Date();
  const today = todayInOslo(now);
  const thisYear = Number(today.slice(0, 4));
  const counts: Record<string, number> = {};
  const count = (table: string, n: number) => {
    counts[table] = (counts[table] ?? 0) + n;
  };
  const g: GenerateContext = { database, o, r, now, today, thisYear, counts, count };

  const organisation = await generateOrganisation(g);
  const { trusts, institutionId, bergen, users, fou, fixtureUsers, agreements, professionNames, professions, sites } =
    organisation;
  const { sheets, small, medium, large, docA, docB, importDocs, fixedProgrammes } = await generateDocuments(
    g,
    organisation,
  );
  const persons = await generatePersonsAndRows(g, organisation, sheets);
  await generateActivity(g, organisation);
  const campaigns = await generateRegistrations(database, {
    r,
    crypto: o.crypto,
    seed: o.seed,
    now,
    today,
    thisYear,
    trustIds: trusts.map((t) => t.id),
    agreements: agreements.map((a) => ({ trust: a.trust, institutionId: a.institution.id })),
    fou,
    persons,
    listInstitutionId: institutionId(names.listInstitution),
    openInstitutionId: institutionId(names.importInstitution),
    sizes: o.sizes,
    count,
  });
  const orderProgramme = fixedProgrammes(names.importInstitution)[0] as Programme;
  const orders = await generateOrders(database, {
    r,
    crypto: o.crypto,
    now,
    today,
    trustIds: trusts.map((t) => t.id),
    professions: trusts.map((_, ti) => professionNames.map((p) => professions.get(`${ti}:${p}`) as string)),
    fou: fou.map((list) => list[0] as string),
    persons: persons[0] as Person[],
    siteIds: (sites[0] as Site[]).map((s) => s.id),
    programme: {
      id: orderProgramme.id,
      name: orderProgramme.name,
      institutionId: orderProgramme.institution.id,
      institutionName: orderProgramme.institution.name,
    },
    sizes: { small: o.sizes.smallSheet, sheet: o.sizes.sheet },
    rounds: o.orderRounds,
    count,
  });
  // As autovacuum would after bulk writes, and not at a random moment of a measurement: fresh
  // statistics for every plan, and visibility maps for the index-only scans.
  await query(database, "vacuum (analyze)");

  const id = (email: string) => users.find((u) => u.email === email)?.id as string;
  return {
    fixtures: {
      trustId: bergen.id,
      ids: { fou: id(fixtureUsers.fou), admin: id(fixtureUsers.admin) },
      listInstitutionId: institutionId(names.listInstitution),
      users: fixtureUsers,
      sheets: { small: small.id, medium: medium.id, large: large.id },
      overview: docA.id,
      exportOverview: docB.id,
      importTargets: importDocs.map((d) => d.id),
      searchSurname: names.searchedSurname,
      campaigns,
      orders,
    },
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}
