import type { Site } from "../src/domain/placement-row/context.ts";
import { ascii, type GenerateContext } from "./generate-context.ts";
import { insertMany } from "./insert-many.ts";
import * as names from "./names.ts";

export type Institution = (typeof names.institutions)[number] & { id: string };

/** A study programme of an institution's agreement with a trust (`trust`: its index). */
export interface Programme {
  id: string;
  trust: number;
  institution: Institution;
  name: string;
}

export type Organisation = Awaited<ReturnType<typeof generateOrganisation>>;

/**
 * The region's organisation: the trusts, institutions and their agreements with FOU contacts,
 * staff (with the fixed users the benchmark signs in as), professions, programmes and wards.
 */
export async function generateOrganisation(g: GenerateContext) {
  const { database, o, r, count } = g;
  // Trusts and institutions.
  const trusts = names.trusts.map((t) => ({ ...t, id: r.uuid() }));
  await insertMany(
    database,
    "trusts",
    [
      ["id", "uuid"],
      ["name", "text"],
    ],
    trusts.map((t) => [t.id, t.name]),
  );
  const institutions = names.institutions.map((i) => ({ ...i, id: r.uuid() }));
  await insertMany(
    database,
    "institutions",
    [
      ["id", "uuid"],
      ["name", "text"],
      ["short_name", "text"],
    ],
    institutions.map((i) => [i.id, i.name, i.shortName]),
  );
  const institutionId = (short: string) => institutions.find((i) => i.shortName === short)?.id as string;
  const bergen = trusts[0] as (typeof trusts)[number];

  // Staff: per trust an admin, four FOU, IT and E-Helse; two coordinators per agreement and more
  // coordinators as the region grows; at Helse Bergen one user per measured role and import.
  const users: { id: string; email: string; name: string }[] = [];
  const memberships: [string, string, string, string | null][] = [];
  const person = () => `${r.pick(names.firstNames)} ${r.pick(names.lastNames)}`;
  const addUser = (email: string, trust: string, role: string, institution: string | null = null) => {
    const id = r.uuid();
    users.push({ id, email, name: person() });
    memberships.push([id, trust, role, institution]);
    return id;
  };
  const trustSlug = (i: number) => ascii((names.trusts[i] as { name: string }).name.replace("Helse ", ""));
  const fou: string[][] = [];
  const coordinators = new Map<string, string[]>();
  trusts.forEach((t, ti) => {
    const slug = trustSlug(ti);
    addUser(ti === 0 ? "admin@bench.test" : `admin.${slug}@bench.test`, t.id, "admin");
    fou.push(
      [0, 1, 2, 3].map((k) =>
        addUser(ti === 0 && k === 0 ? "fou@bench.test" : `fou${k}.${slug}@bench.test`, t.id, "student_admin"),
      ),
    );
    addUser(`ikt.${slug}@bench.test`, t.id, "it_provider");
    addUser(`ehelse.${slug}@bench.test`, t.id, "ehealth");
  });
  const agreements: { trust: number; institution: (typeof institutions)[number] }[] = [];
  trusts.forEach((_, ti) => {
    for (let k = 0; k < (names.agreementsPerTrust[ti] as number); k++) {
      agreements.push({ trust: ti, institution: institutions[k] as (typeof institutions)[number] });
    }
  });
  for (const a of agreements) {
    const t = trusts[a.trust] as (typeof trusts)[number];
    const key = `${a.trust}:${a.institution.shortName}`;
    const list = [0, 1].map((k) =>
      addUser(
        `koordinator${k}.${ascii(a.institution.shortName)}.${trustSlug(a.trust)}@bench.test`,
        t.id,
        "coordinator",
        a.institution.id,
      ),
    );
    coordinators.set(key, list);
  }
  const extraCoordinators = Math.round(2_000 * o.scale);
  for (let k = 0; k < extraCoordinators; k++) {
    const a = r.pick(agreements);
    addUser(
      `koordinator.${k}@bench.test`,
      (trusts[a.trust] as (typeof trusts)[number]).id,
      "coordinator",
      a.institution.id,
    );
  }
  const fixtureUsers = {
    admin: "admin@bench.test",
    fou: "fou@bench.test",
    coordinator: "koordinator.liste@bench.test",
    signIn: "innlogging@bench.test",
    exporter: "eksport@bench.test",
    importers: Array.from({ length: o.importers }, (_, k) => `import${k + 1}@bench.test`),
  };
  const listCoordinator = addUser(
    fixtureUsers.coordinator,
    bergen.id,
    "coordinator",
    institutionId(names.listInstitution),
  );
  addUser(fixtureUsers.signIn, bergen.id, "student_admin");
  addUser(fixtureUsers.exporter, bergen.id, "student_admin");
  for (const email of fixtureUsers.importers) addUser(email, bergen.id, "student_admin");
  await insertMany(
    database,
    "users",
    [
      ["id", "uuid"],
      ["email", "text"],
      ["name", "text"],
      ["password_hash", "text"],
    ],
    users.map((u) => [u.id, u.email, u.name, o.passwordHash]),
  );
  await insertMany(
    database,
    "memberships",
    [
      ["user_id", "uuid"],
      ["trust_id", "uuid"],
      ["role", "text:role"],
      ["institution_id", "uuid"],
    ],
    memberships,
  );
  count("users", users.length);
  await insertMany(
    database,
    "agreements",
    [
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["main_contact_id", "uuid"],
      ["deputy_contact_id", "uuid"],
    ],
    agreements.map((a, k) => {
      const contacts = fou[a.trust] as string[];
      return [
        (trusts[a.trust] as (typeof trusts)[number]).id,
        a.institution.id,
        contacts[k % 4],
        contacts[(k + 1) % 4],
      ];
    }),
  );
  count("agreements", agreements.length);

  // Catalogue: professions, each agreement's programmes, wards.
  const professionNames = [...new Set(names.programmes.map((p) => p.profession))];
  const professions = new Map<string, string>();
  const professionRows: unknown[][] = [];
  trusts.forEach((t, ti) => {
    for (const p of professionNames) {
      const id = r.uuid();
      professions.set(`${ti}:${p}`, id);
      professionRows.push([id, t.id, p]);
    }
  });
  await insertMany(
    database,
    "professions",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["name", "text"],
    ],
    professionRows,
  );
  const programmes: Programme[] = [];
  agreements.forEach((a, k) => {
    const fixed = a.trust === 0 && [names.listInstitution, names.importInstitution].includes(a.institution.shortName);
    const n = fixed ? names.programmes.length : 4 + ((k * 7) % 9);
    for (let j = 0; j < n; j++) {
      const p = names.programmes[(k + j) % names.programmes.length] as (typeof names.programmes)[number];
      programmes.push({ id: r.uuid(), trust: a.trust, institution: a.institution, name: p.name });
    }
  });
  await insertMany(
    database,
    "programmes",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["profession_id", "uuid"],
      ["name", "text"],
    ],
    programmes.map((p) => [
      p.id,
      (trusts[p.trust] as (typeof trusts)[number]).id,
      p.institution.id,
      professions.get(`${p.trust}:${names.programmes.find((x) => x.name === p.name)?.profession}`),
      p.name,
    ]),
  );
  count("programmes", programmes.length);
  const sites: Site[][] = trusts.map((_, ti) => {
    const perDepartment = ti === 0 ? 8 : 4;
    return names.departments.flatMap((d) =>
      Array.from({ length: perDepartment }, (_, k) => ({ id: r.uuid(), name: `${d}, post ${k + 1}` })),
    );
  });
  await insertMany(
    database,
    "placement_sites",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["name", "text"],
      ["department", "text"],
    ],
    sites.flatMap((list, ti) =>
      list.map((s) => [s.id, (trusts[ti] as (typeof trusts)[number]).id, s.name, s.name.split(",")[0]]),
    ),
  );

  return {
    trusts,
    institutions,
    institutionId,
    bergen,
    users,
    memberships,
    fou,
    coordinators,
    agreements,
    fixtureUsers,
    listCoordinator,
    professionNames,
    professions,
    programmes,
    sites,
  };
}
