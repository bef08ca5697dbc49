import { asc, eq, isNotNull } from "drizzle-orm";
import {
  defaultHrTransferColumns,
  defaultWebcruiterColumns,
  type HrTransferColumn,
  type WebcruiterColumns,
} from "../../../contracts/hr-transfer.ts";
import {
  defaultPortalColumns,
  defaultStatusReportColumns,
  type PortalColumn,
  type StatusReportColumns,
} from "../../../contracts/orders.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { trusts } from "./trusts.table.ts";

const settingsColumns = {
  id: trusts.id,
  name: trusts.name,
  testMode: trusts.testMode,
  deadlineDays: trusts.deadlineDays,
  defaultLanguage: trusts.defaultLanguage,
  studentInfoUrl: trusts.studentInfoUrl,
  itHelpUrl: trusts.itHelpUrl,
  learningPortalEmail: trusts.learningPortalEmail,
  accessibilityContact: trusts.accessibilityContact,
  retentionMonths: trusts.retentionMonths,
  dNumberNeedsManualUser: trusts.dNumberNeedsManualUser,
  namingDocument: trusts.namingDocument,
  namingSheet: trusts.namingSheet,
  namingInternationalSheet: trusts.namingInternationalSheet,
  namingFile: trusts.namingFile,
  unmatchedRegistrationDays: trusts.unmatchedRegistrationDays,
  hrTransferColumns: trusts.hrTransferColumns,
  webcruiterColumns: trusts.webcruiterColumns,
  orderLeadDays: trusts.orderLeadDays,
  portalColumns: trusts.portalColumns,
  portalStatusColumns: trusts.portalStatusColumns,
  appSendsUsernames: trusts.appSendsUsernames,
  usernameDaysBefore: trusts.usernameDaysBefore,
  extensionMaxDays: trusts.extensionMaxDays,
};

type StoredSettings = {
  hrTransferColumns: string[] | null;
  webcruiterColumns: Record<string, string> | null;
  portalColumns: string[] | null;
  portalStatusColumns: Record<string, string> | null;
};

/** A trust's settings with the defaults of the HR transfer columns, Webcruiter's headers and the portal's files filled in. */
const withDefaults = <T extends StoredSettings>(row: T) => ({
  ...row,
  hrTransferColumns: (row.hrTransferColumns ?? [...defaultHrTransferColumns]) as HrTransferColumn[],
  webcruiterColumns: (row.webcruiterColumns ?? defaultWebcruiterColumns) as WebcruiterColumns,
  portalColumns: (row.portalColumns ?? [...defaultPortalColumns]) as PortalColumn[],
  portalStatusColumns: (row.portalStatusColumns ?? defaultStatusReportColumns) as StatusReportColumns,
});

export function createTrustsRepository({ db }: { db: DbOrTx }) {
  return {
    async list() {
      return (await db.select(settingsColumns).from(trusts).orderBy(asc(trusts.name))).map(withDefaults);
    },
    /** The trusts that name an accessibility contact, by name. */
    accessibilityContacts() {
      return db
        .select({ trustId: trusts.id, trustName: trusts.name, contact: trusts.accessibilityContact })
        .from(trusts)
        .where(isNotNull(trusts.accessibilityContact))
        .orderBy(asc(trusts.name));
    },
    async find(id: string) {
      const [row] = await db.select(settingsColumns).from(trusts).where(eq(trusts.id, id));
      return row && withDefaults(row);
    },
    async findByName(name: string) {
      const [row] = await db.select(settingsColumns).from(trusts).where(eq(trusts.name, name));
      return row && withDefaults(row);
    },
    async create(values: typeof trusts.$inferInsert) {
      const [row] = await db.insert(trusts).values(values).returning(settingsColumns);
      return withDefaults(row as NonNullable<typeof row>);
    },
    async update(id: string, values: Partial<typeof trusts.$inferInsert>) {
      const [row] = await db
        .update(trusts)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(trusts.id, id))
        .returning(settingsColumns);
      return withDefaults(row as NonNullable<typeof row>);
    },
  };
}
