import type { Role } from "../../src/contracts/vocabulary.ts";
import { accountRequests as accountRequestsTable } from "../../src/server/modules/account-requests/account-requests.table.ts";
import { placementSites, professions, programmes } from "../../src/server/modules/catalog/catalog.table.ts";
import {
  accessProfileItems,
  accessProfiles,
  accessProfileVersions,
  clinicalSystems,
} from "../../src/server/modules/clinical-systems/clinical-systems.table.ts";
import { identityProviders } from "../../src/server/modules/identity-providers/identity-providers.table.ts";
import { agreements } from "../../src/server/modules/institutions/agreements.table.ts";
import { institutions } from "../../src/server/modules/institutions/institutions.table.ts";
import { notifications as notificationsTable } from "../../src/server/modules/notifications/notifications.table.ts";
import {
  overviews as overviewsTable,
  placementRows,
  sheets as sheetsTable,
  studentGroups,
} from "../../src/server/modules/overviews/overviews.table.ts";
import { persons } from "../../src/server/modules/persons/persons.table.ts";
import {
  campaigns as campaignsTable,
  registrations as registrationsTable,
} from "../../src/server/modules/registrations/registrations.table.ts";
import { trusts } from "../../src/server/modules/trusts/trusts.table.ts";
import { memberships, users } from "../../src/server/modules/users/users.table.ts";
import type { Db } from "../../src/server/shared/database.ts";
import { hashPassword } from "../../src/server/shared/passwords.ts";

export const testPassword = "riktig-passord-123";
const passwordHash = await hashPassword(testPassword);

let counter = 0;
const next = () => ++counter;

/** Typed builders for the rows a test needs; every field has a plausible default. */
export function seedBuilders(db: Db) {
  const one = <T>(rows: T[]) => rows[0] as T;
  return {
    trust: async (values: Partial<typeof trusts.$inferInsert> = {}) =>
      one(
        await db
          .insert(trusts)
          .values({ name: `Helse Test ${next()}`, ...values })
          .returning(),
      ),
    institution: async (values: Partial<typeof institutions.$inferInsert> = {}) => {
      const n = next();
      return one(
        await db
          .insert(institutions)
          .values({ name: `Testhøgskolen ${n}`, shortName: `TH${n}`, ...values })
          .returning(),
      );
    },
    agreement: async (values: typeof agreements.$inferInsert) =>
      one(await db.insert(agreements).values(values).returning()),
    user: async (values: Partial<typeof users.$inferInsert> = {}) =>
      one(
        await db
          .insert(users)
          .values({ email: `person${next()}@test.no`, name: "Test Testesen", passwordHash, ...values })
          .returning(),
      ),
    membership: async (values: { userId: string; trustId: string; role: Role; institutionId?: string | null }) =>
      one(await db.insert(memberships).values(values).returning()),
    profession: async (values: { trustId: string; name?: string }) =>
      one(
        await db
          .insert(professions)
          .values({ name: `Yrke ${next()}`, ...values })
          .returning(),
      ),
    programme: async (values: { trustId: string; institutionId: string; professionId: string; name?: string }) =>
      one(
        await db
          .insert(programmes)
          .values({ name: `Program ${next()}`, ...values })
          .returning(),
      ),
    placementSite: async (values: { trustId: string; name?: string; department?: string | null }) =>
      one(
        await db
          .insert(placementSites)
          .values({ name: `Post ${next()}`, ...values })
          .returning(),
      ),
    /** A person (student) without a national ID; store one through the persons use-cases (it is encrypted). */
    student: async (values: Partial<typeof persons.$inferInsert> & { trustId: string }) =>
      one(
        await db
          .insert(persons)
          .values({ firstName: "Student", lastName: `Testesen ${next()}`, ...values })
          .returning(),
      ),
    /**
     * An overview document with its student group for a programme, one sheet ("Periode 1",
     * 01.03.2027–09.04.2027) and one row without a national ID (store those through the API).
     */
    overview: async (values: {
      trustId: string;
      institutionId: string;
      programmeId: string;
      name?: string;
      cohort?: number;
      row?: Partial<typeof placementRows.$inferInsert>;
    }) => {
      const group = one(
        await db
          .insert(studentGroups)
          .values({
            trustId: values.trustId,
            institutionId: values.institutionId,
            programmeId: values.programmeId,
            cohort: values.cohort ?? 2024,
          })
          .returning(),
      );
      const overview = one(
        await db
          .insert(overviewsTable)
          .values({
            trustId: values.trustId,
            institutionId: values.institutionId,
            groupId: group.id,
            name: values.name ?? `Dokument ${next()}`,
          })
          .returning(),
      );
      const sheet = one(
        await db
          .insert(sheetsTable)
          .values({
            overviewId: overview.id,
            kind: "norwegian",
            name: "Periode 1",
            startDate: "2027-03-01",
            endDate: "2027-04-09",
            position: 1,
          })
          .returning(),
      );
      const row = one(
        await db
          .insert(placementRows)
          .values({ sheetId: sheet.id, position: 1, lastName: "Radesen", firstName: `Rad ${next()}`, ...values.row })
          .returning(),
      );
      return { group, overview, sheet, row };
    },
    clinicalSystem: async (values: { trustId: string; name?: string; roles?: string[] }) =>
      one(
        await db
          .insert(clinicalSystems)
          .values({ name: `System ${next()}`, roles: ["Student"], ...values })
          .returning(),
      ),
    /** A profession's access profile with one version (version 1) giving `items`. */
    accessProfile: async (values: {
      trustId: string;
      professionId: string;
      items: { systemId: string; role: string }[];
      limits?: string;
    }) => {
      const profile = one(
        await db
          .insert(accessProfiles)
          .values({ trustId: values.trustId, professionId: values.professionId, version: 1 })
          .returning(),
      );
      const version = one(
        await db
          .insert(accessProfileVersions)
          .values({ profileId: profile.id, version: 1, limits: values.limits ?? "" })
          .returning(),
      );
      await db
        .insert(accessProfileItems)
        .values(values.items.map((item, position) => ({ versionId: version.id, ...item, position })));
      return { profile, version };
    },
    /** An identity provider row; its secret is a placeholder (create real ones through the API, which encrypts). */
    identityProvider: async (values: Partial<typeof identityProviders.$inferInsert> & { trustId: string }) =>
      one(
        await db
          .insert(identityProviders)
          .values({
            kind: "entra_id",
            displayName: `Innlogging ${next()}`,
            issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            clientId: `klient-${next()}`,
            clientSecretEncrypted: "not-encrypted-placeholder",
            ...values,
          })
          .returning(),
      ),
  };
}

/**
 * Two trusts for isolation tests: Helse Bergen (UiB and HVL) with one person per role, and
 * Helse Fonna with its own institution, admin and coordinator. One person works at both trusts.
 */
export async function seedWorld(db: Db) {
  const b = seedBuilders(db);
  const bergen = await b.trust({ name: "Helse Bergen", testMode: true });
  const fonna = await b.trust({ name: "Helse Fonna" });
  const uib = await b.institution({ name: "Universitetet i Bergen", shortName: "UiB" });
  const hvl = await b.institution({ name: "Høgskulen på Vestlandet", shortName: "HVL" });
  const fsv = await b.institution({ name: "Fagskulen Vestland", shortName: "FSV" });

  const membershipOf: Record<string, string> = {};
  const person = async (email: string, name: string, trustId: string, role: Role, institutionId?: string) => {
    const user = await b.user({ email, name });
    const membership = await b.membership({ userId: user.id, trustId, role, institutionId: institutionId ?? null });
    membershipOf[email] = membership.id;
    return user;
  };
  const users = {
    admin: await person("admin@bergen.test", "Ingrid Haugland", bergen.id, "admin"),
    studentAdmin: await person("fou@bergen.test", "Marit Solberg", bergen.id, "student_admin"),
    coordinatorUib: await person("koord.uib@bergen.test", "Kari Nordvik", bergen.id, "coordinator", uib.id),
    coordinatorHvl: await person("koord.hvl@bergen.test", "Ola Brekke", bergen.id, "coordinator", hvl.id),
    itProvider: await person("ikt@bergen.test", "Thomas Vik", bergen.id, "it_provider"),
    ehealth: await person("ehelse@bergen.test", "Hanne Myklebust", bergen.id, "ehealth"),
    fonnaAdmin: await person("admin@fonna.test", "Per Hauge", fonna.id, "admin"),
    fonnaCoordinator: await person("koord@fonna.test", "Liv Tveit", fonna.id, "coordinator", fsv.id),
    both: await person("begge@test.no", "Anne Lie", bergen.id, "student_admin"),
  };
  await b.membership({ userId: users.both.id, trustId: fonna.id, role: "admin" });

  const agreements = {
    uib: (await b.agreement({ trustId: bergen.id, institutionId: uib.id, mainContactId: users.studentAdmin.id })).id,
    hvl: (await b.agreement({ trustId: bergen.id, institutionId: hvl.id, mainContactId: users.studentAdmin.id })).id,
    fsv: (await b.agreement({ trustId: fonna.id, institutionId: fsv.id })).id,
  };
  const memberships = {
    coordinatorUib: membershipOf[users.coordinatorUib.email] as string,
    fonnaCoordinator: membershipOf[users.fonnaCoordinator.email] as string,
  };

  const nurse = await b.profession({ trustId: bergen.id, name: "Sykepleier" });
  const doctor = await b.profession({ trustId: bergen.id, name: "Lege" });
  const fonnaNurse = await b.profession({ trustId: fonna.id, name: "Sykepleier" });
  const catalog = {
    nurse,
    doctor,
    fonnaNurse,
    uibMedicine: await b.programme({
      trustId: bergen.id,
      institutionId: uib.id,
      professionId: doctor.id,
      name: "Medisin",
    }),
    hvlNursing: await b.programme({
      trustId: bergen.id,
      institutionId: hvl.id,
      professionId: nurse.id,
      name: "Sykepleie",
    }),
    fonnaNursing: await b.programme({
      trustId: fonna.id,
      institutionId: fsv.id,
      professionId: fonnaNurse.id,
      name: "Sykepleie",
    }),
    bergenSite: await b.placementSite({ trustId: bergen.id, name: "Medisinsk avdeling, post 3" }),
    fonnaSite: await b.placementSite({ trustId: fonna.id, name: "Kirurgisk sengepost" }),
  };
  /** A clinical system per trust, and an access profile for the doctors at Helse Bergen and the nurses at Fonna. */
  const dips = await b.clinicalSystem({
    trustId: bergen.id,
    name: "DIPS Arena",
    roles: ["Student lege", "Student sykepleie"],
  });
  const fonnaDips = await b.clinicalSystem({ trustId: fonna.id, name: "DIPS Arena", roles: ["Student sykepleie"] });
  const clinical = {
    dips,
    fonnaDips,
    doctorProfile: await b.accessProfile({
      trustId: bergen.id,
      professionId: doctor.id,
      items: [{ systemId: dips.id, role: "Student lege" }],
    }),
    fonnaNurseProfile: await b.accessProfile({
      trustId: fonna.id,
      professionId: fonnaNurse.id,
      items: [{ systemId: fonnaDips.id, role: "Student sykepleie" }],
    }),
  };
  const students = {
    bergen: await b.student({ trustId: bergen.id, firstName: "Silje", lastName: "Student" }),
    fonna: await b.student({ trustId: fonna.id, firstName: "Frida", lastName: "Student" }),
  };
  const identityProviders = {
    bergen: await b.identityProvider({ trustId: bergen.id, displayName: "Helse Bergen (Entra ID)" }),
    fonna: await b.identityProvider({ trustId: fonna.id, kind: "feide", displayName: "Feide (Helse Fonna)" }),
  };
  const overviews = {
    uib: await b.overview({
      trustId: bergen.id,
      institutionId: uib.id,
      programmeId: catalog.uibMedicine.id,
      name: "UiB Medisin kull 2024",
    }),
    hvl: await b.overview({
      trustId: bergen.id,
      institutionId: hvl.id,
      programmeId: catalog.hvlNursing.id,
      name: "HVL Sykepleie kull 2024",
    }),
    fonna: await b.overview({
      trustId: fonna.id,
      institutionId: fsv.id,
      programmeId: catalog.fonnaNursing.id,
      name: "FSV Sykepleie kull 2024",
    }),
  };
  /** One unread notification for each person the isolation matrix signs in as, and one at Fonna. */
  const notify = async (userId: string, trustId: string) =>
    (
      await db
        .insert(notificationsTable)
        .values({ userId, trustId, kind: "test.seed", text: "Velkommen", link: "/" })
        .returning()
    )[0]?.id as string;
  const notifications = {
    admin: await notify(users.admin.id, bergen.id),
    studentAdmin: await notify(users.studentAdmin.id, bergen.id),
    coordinatorUib: await notify(users.coordinatorUib.id, bergen.id),
    itProvider: await notify(users.itProvider.id, bergen.id),
    ehealth: await notify(users.ehealth.id, bergen.id),
    fonna: await notify(users.fonnaCoordinator.id, fonna.id),
  };
  const accountRequest = async (trustId: string, email: string) =>
    (
      await db
        .insert(accountRequestsTable)
        .values({ trustId, name: "Ny Person", email, role: "student_admin" })
        .returning()
    )[0]?.id as string;
  const accountRequests = {
    bergen: await accountRequest(bergen.id, "ny.bergen@test.no"),
    fonna: await accountRequest(fonna.id, "ny.fonna@test.no"),
  };
  /**
   * A campaign per institution, closed (so it asks no student to register); its token is not usable
   * (the salt and hash are placeholders).
   */
  const campaign = async (trustId: string, institutionId: string, name: string) =>
    (
      await db
        .insert(campaignsTable)
        .values({
          trustId,
          institutionId,
          name,
          deadline: "2099-08-31",
          tokenSalt: name,
          tokenHash: `seed-${name}`,
          closedAt: new Date("2026-11-30T12:00:00Z"),
        })
        .returning()
    )[0]?.id as string;
  const campaigns = {
    uib: await campaign(bergen.id, uib.id, "UiB høst 2099"),
    hvl: await campaign(bergen.id, hvl.id, "HVL høst 2099"),
    fonna: await campaign(fonna.id, fsv.id, "FSV høst 2099"),
  };
  /** A registration per campaign (confirmed e-mail, no person yet). */
  const registration = async (campaignId: string, trustId: string, institutionId: string) =>
    (
      await db
        .insert(registrationsTable)
        .values({
          trustId,
          campaignId,
          institutionId,
          source: "form",
          firstName: "Rita",
          lastName: `Registrert ${next()}`,
          email: `rita${next()}@student.test`,
          emailConfirmedAt: new Date("2026-11-20T10:00:00Z"),
        })
        .returning()
    )[0]?.id as string;
  const registrations = {
    uib: await registration(campaigns.uib, bergen.id, uib.id),
    hvl: await registration(campaigns.hvl, bergen.id, hvl.id),
    fonna: await registration(campaigns.fonna, fonna.id, fsv.id),
  };
  return {
    accountRequests,
    campaigns,
    registrations,
    trusts: { bergen, fonna },
    institutions: { uib, hvl, fsv },
    users,
    agreements,
    memberships,
    catalog,
    clinical,
    students,
    identityProviders,
    notifications,
    overviews,
  };
}
export type World = Awaited<ReturnType<typeof seedWorld>>;
