import { AppError } from "../../shared/errors.ts";

/** The field of the request an error is about, as `details.issues` names it. */
const at = (path: string, code: string) => ({ issues: [{ path, message: code }] });

export const systemNotFound = () =>
  new AppError("clinical_systems.not_found", 404, "The clinical system was not found.");
export const systemNameTaken = () =>
  new AppError(
    "clinical_systems.name_taken",
    409,
    "The trust already has a clinical system with this name (perhaps archived).",
    at("name", "clinical_systems.name_taken"),
  );
/** Archiving a system that current access profiles use (their professions named). */
export const systemInUse = (professions: string[] = []) =>
  new AppError("clinical_systems.in_use", 409, "Current access profiles use this system: change them first.", {
    ...at("archived", "clinical_systems.in_use"),
    professions: professions.join(", "),
  });
/** Removing roles that current access profiles give (the roles and professions named). */
export const roleInUse = (roles: string[] = [], professions: string[] = []) =>
  new AppError("clinical_systems.role_in_use", 409, "Current access profiles give this role: change them first.", {
    ...at("roles", "clinical_systems.role_in_use"),
    roles: roles.join(", "),
    professions: professions.join(", "),
  });

export const profileNotFound = () =>
  new AppError("access_profiles.not_found", 404, "The access profile was not found.");
export const unknownProfession = () =>
  new AppError(
    "access_profiles.unknown_profession",
    400,
    "The trust has no such profession.",
    at("professionId", "access_profiles.unknown_profession"),
  );
export const professionTaken = (path: "professionId" | "archived") =>
  new AppError(
    "access_profiles.profession_taken",
    409,
    "The profession already has a current access profile.",
    at(path, "access_profiles.profession_taken"),
  );
/** The field of an item: its system (`items.2.systemId`) or its role (`items.2.role`). */
const item = (index: number, field: "systemId" | "role", code: string) => at(`items.${index}.${field}`, code);

export const unknownSystem = (index = 0) =>
  new AppError(
    "access_profiles.unknown_system",
    400,
    "The trust has no such clinical system.",
    item(index, "systemId", "access_profiles.unknown_system"),
  );
export const systemArchived = (index = 0, system = "") =>
  new AppError("access_profiles.system_archived", 400, "The clinical system is archived.", {
    ...item(index, "systemId", "access_profiles.system_archived"),
    system,
  });
export const unknownRole = (index = 0, system = "", role = "") =>
  new AppError("access_profiles.unknown_role", 400, "The clinical system has no such role.", {
    ...item(index, "role", "access_profiles.unknown_role"),
    system,
    role,
  });
export const profileArchived = () =>
  new AppError(
    "access_profiles.archived",
    409,
    "The access profile is archived: restore it before changing it.",
    at("archived", "access_profiles.archived"),
  );
export const versionConflict = (current = 0) =>
  new AppError(
    "access_profiles.version_conflict",
    409,
    "The access profile has a newer version than the one this change was made from.",
    { ...at("basedOnVersion", "access_profiles.version_conflict"), version: current },
  );
