import type { TFunction } from "i18next";

/** The kinds of record the audit log can be filtered by (a record of another kind shows its code). */
export const auditEntities = [
  "user",
  "membership",
  "user_identity",
  "trust",
  "institution",
  "agreement",
  "profession",
  "programme",
  "placement_site",
  "identity_provider",
  "account_request",
  "overview",
  "sheet",
  "placement_row",
  "person",
  "notification",
] as const;

/** The actions the audit log can be filtered by. */
export const auditActions = [
  "create",
  "update",
  "delete",
  "copy",
  "submit",
  "approve",
  "decline",
  "deactivate",
  "reactivate",
  "sign_in",
  "sign_out",
  "set_password",
  "link",
  "read",
  "read_notifications",
  "reveal_national_id",
  "import",
  "export",
  "anonymise",
  "delete_changes",
  "merge",
  "merged_into",
] as const;

/** A translated name for an entity or action code; a code without a translation shows as it is. */
export function entityName(t: TFunction, code: string): string {
  return t(`audit.entities.${code}`, { defaultValue: code });
}

export function actionName(t: TFunction, code: string): string {
  return t(`audit.actions.${code}`, { defaultValue: code });
}
