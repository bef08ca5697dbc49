import type { Role } from "../../../../contracts/common.ts";

/** The roles a person can ask for, in the order the form shows them (admins are made by admins). */
export const requestableRoles = ["coordinator", "student_admin", "it_provider", "ehealth"] as const satisfies Role[];
export type RequestableRole = (typeof requestableRoles)[number];
