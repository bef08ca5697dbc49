import type { ClipboardEvent, KeyboardEvent } from "react";
import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row, Sheet } from "../../../../contracts/overviews.ts";
import { usePlacementSites } from "../../../api/listPlacementSites.ts";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { compareText, formatDate } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useCellEditing } from "../hooks/useCellEditing.ts";
import { useGridGeometry } from "../hooks/useGridGeometry.ts";
import { useGridNavigation } from "../hooks/useGridNavigation.ts";
import { useSaveQueue } from "../hooks/useSaveQueue.ts";
import { checkCell } from "../lib/cells.ts";
import { editableRow, gridColumns, rowLabel } from "../lib/columns.ts";
import { editStartFor, moveFor } from "../lib/gridKeys.ts";
import type { CellTarget } from "../lib/problemRows.ts";
import { CommentsDialog } from "./CommentsDialog.tsx";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { DeleteRowDialog } from "./DeleteRowDialog.tsx";
import { GridCell } from "./GridCell.tsx";
import { WithdrawRowDialog } from "./WithdrawRowDialog.tsx";

/**
 * The sheet as a grid like the Excel sheet: one row per student, sticky header, frozen name
 * columns (from 768 px; columns as wide as their content, see useGridGeometry and showCell),
 * cells edited in place, Registrert/Bestilt in colour and text, changes after submission
 * in red with who and when, comments per row. Keyboard model (also shown above the grid):
 * arrows move, Enter/F2 or typing edits, Enter saves and moves down, Tab saves and moves right,
 * Escape cancels; Tab outside edit mode leaves the grid. A row whose personal data were deleted
 * after the retention period (`anonymisedAt`) is shown read-only, its name cell saying so.
 *
 * Its parts: moving and focus (useGridNavigation, lib/gridKeys.ts), the cell editor
 * (useCellEditing, CellEditor), the saves with their conflicts (useSaveQueue) and the problems
 * shown in a cell (GridCell, CellProblems, lib/problemRows.ts).
 */
export function SheetGrid({
  sheet,
  rows,
  overviewId,
  canEdit,
  testMode,
  highlightRowId,
  labelledBy,
  describedBy,
  focusTarget,
  onFocusedRow,
  onPasteRows,
}: {
  sheet: Sheet;
  rows: Row[];
  overviewId: string;
  canEdit: boolean;
  testMode: boolean;
  highlightRowId: string | null;
  labelledBy: string;
  describedBy: string;
  /** A cell to focus, e.g. the first of a row just added or the next error. */
  focusTarget: CellTarget | null;
  onFocusedRow: () => void;
  onPasteRows: (text: string) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const sites = usePlacementSites();
  const me = useSession();
  const submitted = sheet.submittedAt !== null;
  const columns = useMemo(() => gridColumns(sheet.kind, submitted), [sheet.kind, submitted]);
  const gridRef = useRef<HTMLTableElement>(null);
  const idPrefix = useId();
  useGridGeometry(gridRef, columns.filter((c) => c.frozen).length, columns.length);
  const sortedSites = useMemo(() => [...(sites.data ?? [])].sort((a, b) => compareText(a.name, b.name)), [sites.data]);

  const { active, setActive, focusCell } = useGridNavigation({
    gridRef,
    rows,
    columnCount: columns.length,
    highlightRowId,
    focusTarget,
    onFocusedRow,
  });
  const saves = useSaveQueue({ sheet, overviewId, testMode, sites: sortedSites });
  const edit = useCellEditing({
    rows,
    columns,
    canEdit,
    drafts: saves.drafts,
    checkContext: saves.checkContext,
    save: saves.save,
    setActive,
    focusCell,
  });
  const [commentsFor, setCommentsFor] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [withdrawing, setWithdrawing] = useState<Row | null>(null);

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (edit.isEditing()) return;
    if (!(event.target as HTMLElement).dataset.cell) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const move = moveFor(event.key, ctrl, active, rows.length, columns.length);
    if (move) {
      event.preventDefault();
      focusCell(move);
      return;
    }
    const column = columns[active.c];
    if (!column?.field || !editableRow(rows[active.r], canEdit)) return;
    const start = editStartFor(event.key, { ctrl, alt: event.altKey }, column.kind);
    if (!start) return;
    event.preventDefault();
    void edit.startEdit(active, start.initial);
  };

  const onGridPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (edit.isEditing() || !canEdit) return;
    const text = event.clipboardData.getData("text/plain");
    if (!text) return;
    event.preventDefault();
    if (/[\t\n]/.test(text.trim())) {
      onPasteRows(text);
      return;
    }
    const column = columns[active.c];
    if (column?.field && column.kind !== "site" && editableRow(rows[active.r], canEdit))
      void edit.startEdit(active, text.trim());
  };

  const commentsRow = rows.find((r) => r.id === commentsFor) ?? null;
  const unnamed = (row: Row) => t("overviews.grid.unnamedRow", { n: rows.indexOf(row) + 1 });

  return (
    <>
      <table
        ref={gridRef}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an editable data grid (WAI-ARIA APG): one tab stop, arrow keys between cells
        role="grid"
        className="sheet-grid"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-readonly={canEdit ? undefined : true}
        onKeyDown={onGridKeyDown}
        onPaste={onGridPaste}
      >
        <thead>
          <tr>
            {columns.map((col, c) => (
              <th key={col.key} scope="col" className={col.frozen ? `frozen frozen-${c}` : undefined}>
                {t(`overviews.columns.${col.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="grid-empty">
                {t("overviews.grid.empty")}
              </td>
            </tr>
          ) : null}
          {rows.map((row, r) => {
            const label = row.anonymisedAt
              ? t("overviews.grid.anonymised", { date: formatDate(row.anonymisedAt) })
              : rowLabel(row, t("overviews.grid.unnamedRow", { n: r + 1 }));
            const added = row.addedAfterSubmission ? row.changes.find((ch) => ch.kind === "row_added") : undefined;
            // Its change history went with the personal data: no red marks on an anonymised row.
            const addedAfterSubmission = row.addedAfterSubmission && !row.anonymisedAt;
            const addedInfo = !addedAfterSubmission
              ? null
              : added
                ? t("overviews.grid.addedAfter", { name: added.by.name, at: formatDateTime(added.at) })
                : t("overviews.grid.addedAfterShort");
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                className={[
                  addedAfterSubmission ? "row-added" : "",
                  row.anonymisedAt ? "row-anonymised" : "",
                  row.withdrawn ? "row-withdrawn" : "",
                  row.id === highlightRowId ? "row-highlight" : "",
                ].join(" ")}
              >
                {columns.map((col, c) => (
                  <GridCell
                    key={col.key}
                    idBase={`${idPrefix}-${r}-${c}`}
                    row={row}
                    rowIndex={r}
                    column={col}
                    columnIndex={c}
                    frozen={col.frozen === true}
                    label={label}
                    isActive={active.r === r && active.c === c}
                    editing={edit.editing && edit.editing.r === r && edit.editing.c === c ? edit.editing : null}
                    draft={col.field ? saves.drafts[row.id]?.[col.field] : undefined}
                    revealed={edit.revealed[row.id]}
                    canEdit={editableRow(row, canEdit)}
                    sites={sortedSites}
                    addedInfo={c === 0 ? addedInfo : null}
                    checkProblems={(value) => (col.field ? checkCell(col.field, value, saves.checkContext(row)) : [])}
                    onActivate={() => setActive({ r, c })}
                    onStartEdit={() => void edit.startEdit({ r, c })}
                    onChangeEditing={edit.changeEditing}
                    onFinishEdit={edit.finishEdit}
                    onReveal={() => void edit.revealRow(row.id)}
                    onPickSite={(site) => saves.save(row.id, { placementSiteId: site.id }, {})}
                    onOpenComments={() => setCommentsFor(row.id)}
                    onDelete={() => setDeleting(row)}
                    canWithdraw={canEdit && may(me, "rows.withdraw")}
                    onWithdraw={() => setWithdrawing(row)}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>

      {commentsRow ? (
        <CommentsDialog
          row={commentsRow}
          label={rowLabel(commentsRow, unnamed(commentsRow))}
          overviewId={overviewId}
          canComment={editableRow(commentsRow, canEdit)}
          onClose={() => {
            const r = rows.indexOf(commentsRow);
            setCommentsFor(null);
            focusCell({ r, c: columns.findIndex((col) => col.kind === "comments") });
          }}
        />
      ) : null}

      <ConflictDialog
        state={saves.conflict}
        columns={columns}
        sites={sortedSites}
        onKeepMine={saves.keepMine}
        onTakeTheirs={saves.takeTheirs}
      />

      <WithdrawRowDialog
        row={withdrawing}
        label={withdrawing ? rowLabel(withdrawing, unnamed(withdrawing)) : ""}
        sheetId={sheet.id}
        overviewId={overviewId}
        onClose={() => {
          setWithdrawing(null);
          focusCell(active);
        }}
        onDone={(name) => {
          setWithdrawing(null);
          announce(t("withdraw.done", { name }));
          focusCell(active);
        }}
      />

      <DeleteRowDialog
        row={deleting}
        label={deleting ? rowLabel(deleting, unnamed(deleting)) : ""}
        submitted={sheet.submittedAt !== null}
        sheetId={sheet.id}
        overviewId={overviewId}
        latest={saves.cachedRow}
        onClose={() => {
          setDeleting(null);
          focusCell(active);
        }}
        onDeleted={(name) => {
          setDeleting(null);
          announce(name ? t("overviews.grid.deleted", { name }) : t("overviews.grid.deletedUnnamed"));
          focusCell({ r: Math.max(0, active.r - 1), c: 0 });
        }}
      />
    </>
  );
}
