import type { z } from "zod";
import type {
  AccessProfile,
  AccessProfileVersion,
  AccessProfileWithVersions,
  accessProfilesQuery,
  createAccessProfileBody,
  updateAccessProfileBody,
} from "../../../contracts/access-profiles.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { professionOf } from "../catalog/catalog.public.ts";
import {
  type AccessProfilesRepository,
  createAccessProfilesRepository,
  type ProfileRow,
  type VersionRow,
} from "./access-profiles.repository.ts";
import {
  professionTaken,
  profileArchived,
  profileNotFound,
  systemArchived,
  unknownProfession,
  unknownRole,
  unknownSystem,
  versionConflict,
} from "./clinical-systems.errors.ts";
import { createClinicalSystemsRepository } from "./clinical-systems.repository.ts";

type ItemRow = Awaited<ReturnType<AccessProfilesRepository["items"]>>[number];
type ItemInput = { systemId: string; role: string };

function versionOut(v: VersionRow, items: ItemRow[]): AccessProfileVersion {
  return {
    id: v.id,
    version: v.version,
    items: items
      .filter((i) => i.versionId === v.id)
      .map((i) => ({
        systemId: i.systemId,
        systemName: i.systemName,
        role: i.role,
        systemArchived: i.systemArchivedAt !== null,
        roleRemoved: !i.systemRoles.includes(i.role),
      })),
    limits: v.limits,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}

function profileOut(
  row: { profile: ProfileRow; professionName: string },
  current: AccessProfileVersion,
): AccessProfile {
  const p = row.profile;
  return {
    id: p.id,
    professionId: p.professionId,
    professionName: row.professionName,
    archived: p.archivedAt !== null,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    current,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Each item's system is the trust's, not archived, and has the item's role (else 400 naming the item's field). */
async function checkItems(tx: DbOrTx, trustId: string, items: readonly ItemInput[]) {
  const systems = await createClinicalSystemsRepository({ db: tx }).systemsForShare(
    trustId,
    items.map((i) => i.systemId),
  );
  items.forEach((item, index) => {
    const system = systems.find((s) => s.id === item.systemId);
    if (!system) throw unknownSystem(index);
    if (system.archivedAt) throw systemArchived(index, system.name);
    if (!system.roles.includes(item.role)) throw unknownRole(index, system.name, item.role);
  });
}

const sameItems = (a: readonly ItemInput[], b: readonly ItemInput[]) =>
  a.length === b.length && a.every((item, i) => item.systemId === b[i]?.systemId && item.role === b[i]?.role);

/**
 * Access profiles per profession: read by admins and FOU, kept by admins. A change of systems,
 * roles or limits is a new version; versions are never changed, and profiles are archived, never deleted.
 */
export function createAccessProfilesUsecases({ db, clock }: { db: Db; clock: Clock }) {
  /** One profile with every version, newest first. */
  async function withVersions(r: AccessProfilesRepository, trustId: string, id: string) {
    const row = await r.find(trustId, id);
    if (!row) throw profileNotFound();
    const versions = await r.allVersions(id);
    const items = await r.items(versions.map((v) => v.id));
    const out = versions.map((v) => versionOut(v, items));
    const current = out.find((v) => v.version === row.profile.version) as AccessProfileVersion;
    return { ...profileOut(row, current), versions: out } satisfies AccessProfileWithVersions;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof accessProfilesQuery>) {
      const trustId = requirePolicy(actor, "accessProfiles.read");
      const r = createAccessProfilesRepository({ db });
      const { items: rows, total } = await r.list({ ...query, trustId }, query);
      const versions = await r.currentVersions(rows.map((p) => p.profile.id));
      const items = await r.items(versions.map((v) => v.id));
      return {
        items: rows.map((row) =>
          profileOut(row, versionOut(versions.find((v) => v.profileId === row.profile.id) as VersionRow, items)),
        ),
        total,
      };
    },

    async get(actor: Actor, id: string) {
      return withVersions(createAccessProfilesRepository({ db }), requirePolicy(actor, "accessProfiles.read"), id);
    },

    async create(actor: Actor, input: z.infer<typeof createAccessProfileBody>) {
      const trustId = requirePolicy(actor, "accessProfiles.manage");
      return db.transaction(async (tx) => {
        const r = createAccessProfilesRepository({ db: tx });
        if (!(await professionOf(tx, trustId, input.professionId))) throw unknownProfession();
        if (await r.currentOf(trustId, input.professionId)) throw professionTaken("professionId");
        await checkItems(tx, trustId, input.items);
        const profile = await r.insertProfile({ trustId, professionId: input.professionId, version: 1 });
        await r.insertVersion(
          {
            profileId: profile.id,
            version: 1,
            limits: input.limits,
            note: input.note || null,
            createdBy: actor.userId || null,
          },
          input.items,
        );
        await writeAudit(tx, auditContext(actor), {
          entity: "access_profile",
          entityId: profile.id,
          action: "create",
          fields: ["profession_id", "items", "limits", "version"],
        });
        return withVersions(r, trustId, profile.id);
      });
    },

    /**
     * New items or limits make version n + 1 (none when nothing changes); `archived` archives or
     * restores. A restored profile must be its profession's only current one.
     */
    async update(actor: Actor, id: string, input: z.infer<typeof updateAccessProfileBody>) {
      const trustId = requirePolicy(actor, "accessProfiles.manage");
      return db.transaction(async (tx) => {
        const r = createAccessProfilesRepository({ db: tx });
        const found = await r.find(trustId, id, { lock: true });
        if (!found) throw profileNotFound();
        const profile = found.profile;
        const restoring = input.archived === false && profile.archivedAt !== null;
        const archiving = input.archived === true && profile.archivedAt === null;
        const changesContent = input.items !== undefined || input.limits !== undefined;
        if (changesContent && profile.archivedAt !== null && !restoring) throw profileArchived();
        if (restoring && (await r.currentOf(trustId, profile.professionId, id))) throw professionTaken("archived");
        if (changesContent && input.basedOnVersion !== undefined && input.basedOnVersion !== profile.version)
          throw versionConflict(profile.version);
        if (input.items) await checkItems(tx, trustId, input.items);

        const ctx = auditContext(actor);
        const [current] = await r.currentVersions([id]);
        const currentItems = (await r.items(current ? [current.id] : [])).map(({ systemId, role }) => ({
          systemId,
          role,
        }));
        const items = input.items ?? currentItems;
        const limits = input.limits ?? current?.limits ?? "";
        const fields = [
          ...(sameItems(items, currentItems) ? [] : ["items"]),
          ...(limits === current?.limits ? [] : ["limits"]),
        ];
        const version = fields.length > 0 ? profile.version + 1 : profile.version;
        if (fields.length > 0) {
          await r.insertVersion(
            { profileId: id, version, limits, note: input.note || null, createdBy: actor.userId || null },
            items,
          );
          await writeAudit(tx, ctx, {
            entity: "access_profile",
            entityId: id,
            action: "update",
            fields: [...fields, "version", ...(input.note ? ["note"] : [])],
          });
        }
        if (fields.length > 0 || archiving || restoring)
          await r.update(id, {
            version,
            ...(archiving ? { archivedAt: clock.now() } : restoring ? { archivedAt: null } : {}),
          });
        if (archiving || restoring)
          await writeAudit(tx, ctx, {
            entity: "access_profile",
            entityId: id,
            action: archiving ? "archive" : "restore",
            fields: ["archived_at"],
          });
        return withVersions(r, trustId, id);
      });
    },
  };
}
export type AccessProfilesUsecases = ReturnType<typeof createAccessProfilesUsecases>;
