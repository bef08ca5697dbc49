import { and, asc, eq, inArray } from "drizzle-orm";
import { holdingStates } from "../../../domain/order-lines.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { anyOf } from "../../shared/sql-sets.ts";
import { programmes } from "../catalog/catalog.table.ts";
import { overviews, placementRows, sheets, studentGroups } from "../overviews/overviews.table.ts";
import { persons } from "../persons/persons.table.ts";
import { orderLines } from "./orders.table.ts";

/**
 * What the check of an order reads (`order-check.ts`): the sheet, the rows asked for with their
 * persons, and the lines that already hold them; the changed lines are the change orders' own
 * (`change-orders.repository.ts`). The sheet is also what a sent order names to the coordinators.
 */
export function createOrderCheckRepository({ db }: { db: DbOrTx }) {
  return {
    /** The sheet of the trust with its document, institution and the document's programme. */
    async findSheet(trustId: string, sheetId: string) {
      const [row] = await db
        .select({
          sheetId: sheets.id,
          sheetName: sheets.name,
          startDate: sheets.startDate,
          endDate: sheets.endDate,
          submittedAt: sheets.submittedAt,
          overviewId: overviews.id,
          overviewName: overviews.name,
          institutionId: overviews.institutionId,
          programmeId: studentGroups.programmeId,
          programmeName: programmes.name,
        })
        .from(sheets)
        .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
        .innerJoin(studentGroups, eq(studentGroups.id, overviews.groupId))
        .innerJoin(programmes, eq(programmes.id, studentGroups.programmeId))
        .where(and(eq(overviews.trustId, trustId), eq(sheets.id, sheetId)));
      return row;
    },

    /** These rows of the sheet with what the order checks of their persons: one statement. */
    rowsToOrder(sheetId: string, rowIds: string[]) {
      return db
        .select({
          rowId: placementRows.id,
          position: placementRows.position,
          firstName: placementRows.firstName,
          lastName: placementRows.lastName,
          studyProgramme: placementRows.studyProgramme,
          startDate: placementRows.startDate,
          endDate: placementRows.endDate,
          errorCount: placementRows.errorCount,
          rowAnonymisedAt: placementRows.anonymisedAt,
          withdrawnOn: placementRows.withdrawnOn,
          personId: placementRows.personId,
          hrTransferredAt: persons.hrTransferredAt,
          emailConfirmedAt: persons.emailConfirmedAt,
          personAnonymisedAt: persons.anonymisedAt,
        })
        .from(placementRows)
        .leftJoin(persons, eq(persons.id, placementRows.personId))
        .where(and(eq(placementRows.sheetId, sheetId), anyOf(placementRows.id, rowIds, "uuid")))
        .orderBy(asc(placementRows.position), asc(placementRows.id));
    },

    /** The lines of these rows that hold their row and system (`holdingStates`): ordering them again is refused. */
    liveLinesOf(rowIds: string[]) {
      return db
        .select({ rowId: orderLines.rowId, systemId: orderLines.systemId })
        .from(orderLines)
        .where(and(anyOf(orderLines.rowId, rowIds, "uuid"), inArray(orderLines.state, [...holdingStates])));
    },
  };
}
