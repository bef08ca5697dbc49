import { count } from "drizzle-orm";
import type { Role } from "../../contracts/vocabulary.ts";
import { placementSites, professions, programmes } from "../modules/catalog/catalog.table.ts";
import { agreements } from "../modules/institutions/agreements.table.ts";
import { institutions } from "../modules/institutions/institutions.table.ts";
import { trusts } from "../modules/trusts/trusts.table.ts";
import { memberships, users } from "../modules/users/users.table.ts";
import { type Clock, systemClock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { hashPassword } from "../shared/passwords.ts";
import { fillDemoAccessChanges } from "./access-changes.ts";
import { fillDemoCampaigns } from "./campaigns.ts";
import { fillDemoClinicalSystems } from "./clinical-systems.ts";
import { fillDemoDeactivations } from "./deactivations.ts";
import type { DemoWorld } from "./demo-world.ts";
import { fillDemoExtensions } from "./extensions.ts";
import { fillDemoLearningPortal } from "./learning-portal.ts";
import { fillDemoOrders } from "./orders.ts";
import { fillDemoSemester } from "./semester.ts";

export const demoInstitutions = [
  { shortName: "UiB", name: "Universitetet i Bergen" },
  { shortName: "HVL", name: "Høgskulen på Vestlandet" },
  { shortName: "VID", name: "VID vitenskapelige høgskole" },
] as const;

type DemoUser = {
  email: string;
  name: string;
  role: Role;
  institution?: (typeof demoInstitutions)[number]["shortName"];
};

/** One person per role; the README and the start-up banner list them. */
export const demoUsers: DemoUser[] = [
  { email: "admin@demo.test", name: "Ingrid Haugland", role: "admin" },
  { email: "fou@demo.test", name: "Marit Solberg", role: "student_admin" },
  { email: "koordinator.uib@demo.test", name: "Kari Nordvik", role: "coordinator", institution: "UiB" },
  { email: "koordinator.hvl@demo.test", name: "Ola Brekke", role: "coordinator", institution: "HVL" },
  { email: "koordinator.vid@demo.test", name: "Sigrid Lunde", role: "coordinator", institution: "VID" },
  { email: "ikt@demo.test", name: "Thomas Vik", role: "it_provider" },
  { email: "ehelse@demo.test", name: "Hanne Myklebust", role: "ehealth" },
];

const demoProfessions = ["Sykepleier", "Lege", "Fysioterapeut", "Radiograf", "Bioingeniør"] as const;

const demoProgrammes: { institution: string; name: string; profession: (typeof demoProfessions)[number] }[] = [
  { institution: "UiB", name: "Medisin", profession: "Lege" },
  { institution: "HVL", name: "Sykepleie", profession: "Sykepleier" },
  { institution: "HVL", name: "Fysioterapi", profession: "Fysioterapeut" },
  { institution: "HVL", name: "Radiografi", profession: "Radiograf" },
  { institution: "HVL", name: "Bioingeniør", profession: "Bioingeniør" },
  { institution: "VID", name: "Sykepleie", profession: "Sykepleier" },
];

export const demoSites: { name: string; department: string }[] = [
  { name: "Medisinsk avdeling, post 3", department: "Medisinsk avdeling" },
  { name: "Kirurgisk avdeling, post 2", department: "Kirurgisk klinikk" },
  { name: "Barne- og ungdomsklinikken", department: "Barne- og ungdomsklinikken" },
  { name: "Akuttmottaket", department: "Akuttklinikken" },
  { name: "Kvinneklinikken", department: "Kvinneklinikken" },
  { name: "Hjerteavdelinga, post 1", department: "Hjerteavdelinga" },
  { name: "Nevrologisk avdeling, post 4", department: "Nevrologisk avdeling" },
  { name: "Radiologisk avdeling", department: "Radiologisk avdeling" },
  { name: "Laboratorium for klinisk biokjemi", department: "Laboratorieklinikken" },
  { name: "Fysioterapiavdelinga", department: "Fysioterapiavdelinga" },
];

/** True when the database holds no trust yet: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(trusts);
  return (row?.n ?? 0) === 0;
}

/**
 * Fills the demo trust "Helse Bergen" (in test mode) with its institutions, catalog and people, then
 * with a semester of placement overviews counted from today (`semester.ts`) and FOU's registration
 * campaigns for its students (`campaigns.ts`). One transaction: a first start that is interrupted
 * leaves nothing behind, and the next start fills it again.
 */
export async function fillDemoData(
  db: Db,
  opts: { password: string; crypto: DataCrypto; publicUrl: string; clock?: Clock },
): Promise<void> {
  const passwordHash = await hashPassword(opts.password);
  await db.transaction(async (tx) => {
    const [trust] = await tx
      .insert(trusts)
      .values({
        name: "Helse Bergen",
        testMode: true,
        studentInfoUrl: "https://www.helse-bergen.no/student-i-praksis",
        itHelpUrl: "https://www.helse-bergen.no/vanlege-sporsmal-og-svar",
        learningPortalEmail: "laeringsportalen@helse-vest.test",
      })
      .returning();
    if (!trust) throw new Error("demo trust not created");
    const insts = await tx
      .insert(institutions)
      .values([...demoInstitutions])
      .returning();
    const instId = (short: string) => insts.find((i) => i.shortName === short)?.id as string;

    const people = await tx
      .insert(users)
      .values(
        demoUsers.map((u) => ({
          email: u.email,
          name: u.name,
          passwordHash,
          isSystemAdmin: u.role === "admin",
        })),
      )
      .returning();
    const userId = (email: string) => people.find((p) => p.email === email)?.id as string;
    await tx.insert(memberships).values(
      demoUsers.map((u) => ({
        userId: userId(u.email),
        trustId: trust.id,
        role: u.role,
        institutionId: u.institution ? instId(u.institution) : null,
      })),
    );
    await tx
      .insert(agreements)
      .values(insts.map((i) => ({ trustId: trust.id, institutionId: i.id, mainContactId: userId("fou@demo.test") })));
    const profs = await tx
      .insert(professions)
      .values(demoProfessions.map((name) => ({ trustId: trust.id, name })))
      .returning();
    const progs = await tx
      .insert(programmes)
      .values(
        demoProgrammes.map((p) => ({
          trustId: trust.id,
          institutionId: instId(p.institution),
          professionId: profs.find((x) => x.name === p.profession)?.id as string,
          name: p.name,
        })),
      )
      .returning();
    await tx.insert(placementSites).values(demoSites.map((s) => ({ ...s, trustId: trust.id })));
    const world: DemoWorld = {
      trustId: trust.id,
      deadlineDays: trust.deadlineDays,
      users: new Map(
        demoUsers.map((u) => [
          u.email,
          { id: userId(u.email), role: u.role, institutionId: u.institution ? instId(u.institution) : null },
        ]),
      ),
      institutions: new Map(insts.map((i) => [i.shortName, { id: i.id, name: i.name }])),
      programmeIds: new Map(
        progs.map((p) => [`${insts.find((i) => i.id === p.institutionId)?.shortName} ${p.name}`, p.id]),
      ),
    };
    const deps = { crypto: opts.crypto, publicUrl: opts.publicUrl, clock: opts.clock ?? systemClock };
    const { sheets } = await fillDemoSemester(tx, world, deps);
    const { transfers } = await fillDemoCampaigns(tx, world, sheets, deps);
    await fillDemoClinicalSystems(tx, world, deps.clock);
    await fillDemoOrders(tx, world, { sheets, transfers }, deps);
    await fillDemoAccessChanges(tx, world, deps);
    await fillDemoLearningPortal(tx, world, deps);
    await fillDemoDeactivations(tx, world, { sheets }, deps);
    await fillDemoExtensions(tx, world, { sheets }, deps);
  });
}
