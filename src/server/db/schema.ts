export * from "../modules/audit/audit.table.ts";
export * from "../modules/auth/auth.table.ts";
export * from "../modules/catalog/catalog.table.ts";
export * from "../modules/institutions/institutions.table.ts";
export * from "../modules/trusts/trusts.table.ts";
export * from "../modules/users/users.table.ts";
