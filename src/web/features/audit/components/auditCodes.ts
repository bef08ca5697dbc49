import type { TFunction } from "i18next";
import { type AuditEvent, auditFieldText } from "../../../../contracts/audit.ts";

/** A translated name for an entity or action code; a code without a translation shows as it is. */
export function entityName(t: TFunction, code: string): string {
  return t(`audit.entities.${code}`, { defaultValue: code });
}

export function actionName(t: TFunction, code: string): string {
  return t(`audit.actions.${code}`, { defaultValue: code });
}

/** A field as people know it ("Etternavn" for `last_name`); a name the log does not know shows as it is. */
export function fieldName(t: TFunction, field: string): string {
  const key = auditFieldText(field);
  return key ? t(key) : field;
}

/** The record of an event as people know it: its name, "Slettet" or "Anonymisert". */
export function recordName(t: TFunction, record: AuditEvent["record"]): string {
  if (record.state === "named") return record.name;
  return record.state === "gone" ? t("audit.gone") : t("audit.anonymised");
}

/** What else says which record it is: a membership's role, the document and sheet of a row. */
export function recordDetails(t: TFunction, record: AuditEvent["record"]): string[] {
  if (record.state === "gone") return [];
  return [...(record.state === "named" && record.role ? [t(`roles.${record.role}`)] : []), ...record.details];
}
