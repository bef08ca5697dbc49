import { professionLinks } from "../module-links.ts";
import { createCatalogUsecases } from "../modules/catalog/catalog.public.ts";
import {
  createAccessProfilesUsecases,
  createClinicalSystemsUsecases,
} from "../modules/clinical-systems/clinical-systems.public.ts";
import type { Clock } from "../shared/clock.ts";
import type { Db } from "../shared/database.ts";
import { type DemoWorld, demoActor } from "./demo-world.ts";

/**
 * The demo trust's clinical systems (as a Helse Vest trust has them) and an access profile for each
 * demo profession, made by the demo admin through the use-cases, so they are audited like any
 * other. The nurses' profile has a second version, which replaced the old patient record DocuLive
 * (archived) with DIPS Arena, so the history shows what an order line keeps.
 */

export const demoClinicalSystems: { name: string; roles: string[]; archived?: true }[] = [
  {
    name: "DIPS Arena",
    roles: ["Student sykepleie", "Student medisin", "Student fysioterapi", "Student radiografi", "Student bioingeniør"],
  },
  { name: "Kurve og medikasjon", roles: ["Student sykepleie", "Student medisin (lesetilgang)"] },
  { name: "Metavision", roles: ["Student sykepleie (lesetilgang)", "Student medisin (lesetilgang)"] },
  { name: "Sectra PACS", roles: ["Student radiografi", "Student medisin (visning)"] },
  { name: "RIS", roles: ["Student radiografi"] },
  { name: "Laboratoriedatasystem", roles: ["Student bioingeniør"] },
  { name: "Synergi", roles: ["Melder"] },
  { name: "Citrix-arbeidsflate", roles: ["Student"] },
  { name: "DocuLive EPJ", roles: ["Student sykepleie"], archived: true },
];

type Item = [system: string, role: string];

export const demoAccessProfiles: { profession: string; items: Item[]; limits: string }[] = [
  {
    profession: "Sykepleier",
    items: [
      ["DIPS Arena", "Student sykepleie"],
      ["Kurve og medikasjon", "Student sykepleie"],
      ["Metavision", "Student sykepleie (lesetilgang)"],
      ["Synergi", "Melder"],
      ["Citrix-arbeidsflate", "Student"],
    ],
    limits:
      "Lese- og skrivetilgang til journal for pasienter på egen praksispost.\nLegemiddeladministrering dokumenteres av studenten og kontrasigneres av veileder.\nIngen tilgang til pasienter utenfor posten.",
  },
  {
    profession: "Lege",
    items: [
      ["DIPS Arena", "Student medisin"],
      ["Kurve og medikasjon", "Student medisin (lesetilgang)"],
      ["Metavision", "Student medisin (lesetilgang)"],
      ["Sectra PACS", "Student medisin (visning)"],
      ["Citrix-arbeidsflate", "Student"],
    ],
    limits:
      "Journalnotat skrives som kladd og godkjennes av veileder.\nIngen forskrivning, rekvirering eller signering av prøvesvar.",
  },
  {
    profession: "Fysioterapeut",
    items: [
      ["DIPS Arena", "Student fysioterapi"],
      ["Synergi", "Melder"],
    ],
    limits: "Journalføring av fysioterapi for egne pasienter, kontrasignert av veileder.",
  },
  {
    profession: "Radiograf",
    items: [
      ["DIPS Arena", "Student radiografi"],
      ["RIS", "Student radiografi"],
      ["Sectra PACS", "Student radiografi"],
    ],
    limits:
      "Kan registrere og gjennomføre undersøkelser under veiledning. Ingen godkjenning av undersøkelser eller svar.",
  },
  {
    profession: "Bioingeniør",
    items: [
      ["DIPS Arena", "Student bioingeniør"],
      ["Laboratoriedatasystem", "Student bioingeniør"],
    ],
    limits: "Kan registrere analyser under veiledning. Ingen godkjenning eller utsending av prøvesvar.",
  },
];

/** Fills the systems and profiles into the demo trust, as its admin. */
export async function fillDemoClinicalSystems(db: Db, world: DemoWorld, clock: Clock): Promise<void> {
  const actor = demoActor(world, "admin@demo.test");
  const systemsUsecases = createClinicalSystemsUsecases({ db, clock });
  const profilesUsecases = createAccessProfilesUsecases({ db, clock });
  const systemIds = new Map<string, string>();
  for (const system of demoClinicalSystems) {
    const created = await systemsUsecases.create(actor, { name: system.name, roles: system.roles });
    systemIds.set(system.name, created.id);
  }
  const items = (list: Item[]) => list.map(([system, role]) => ({ systemId: systemIds.get(system) as string, role }));
  const professions = await createCatalogUsecases({ db, links: professionLinks }).listProfessions(actor);
  for (const profile of demoAccessProfiles) {
    const professionId = professions.find((p) => p.name === profile.profession)?.id;
    if (!professionId) throw new Error(`no demo profession ${profile.profession}`);
    if (profile.profession !== "Sykepleier") {
      await profilesUsecases.create(actor, { professionId, items: items(profile.items), limits: profile.limits });
      continue;
    }
    const first = await profilesUsecases.create(actor, {
      professionId,
      items: items([["DocuLive EPJ", "Student sykepleie"], ...profile.items.slice(1)]),
      limits: profile.limits,
    });
    await profilesUsecases.update(actor, first.id, {
      items: items(profile.items),
      note: "DocuLive er erstattet av DIPS Arena.",
    });
  }
  for (const system of demoClinicalSystems.filter((s) => s.archived)) {
    await systemsUsecases.update(actor, systemIds.get(system.name) as string, { archived: true });
  }
}
