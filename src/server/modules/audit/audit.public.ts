/**
 * What other modules may use of the audit module: writing an audit row in their own transaction,
 * and naming the fields they changed.
 */
export {
  type AuditContext,
  type AuditEntry,
  changedFields,
  columnName,
  writeAudit,
  writeAudits,
} from "./trail.repository.ts";
