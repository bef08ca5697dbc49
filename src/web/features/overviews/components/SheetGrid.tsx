import { Button } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { Row, RowField, RowInput, Sheet } from "../../../../contracts/overviews.ts";
import { parseDate } from "../../../../domain/dates.ts";
import { orderColour, registrationColour } from "../../../../domain/statuses.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { isApiError } from "../../../lib/api.ts";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { compareText, formatDate } from "../../../lib/format.ts";
import { useDeleteRow } from "../api/deleteRow.ts";
import { overviewKeys } from "../api/keys.ts";
import { type PlacementSite, usePlacementSites } from "../api/listPlacementSites.ts";
import type { SheetRows } from "../api/listRows.ts";
import { useRevealNationalId } from "../api/revealNationalId.ts";
import { useUpdateRow } from "../api/updateRow.ts";
import { type CellProblem, checkCell, displayValue, editValue, formatChangeValue, toInput } from "../lib/cells.ts";
import { type GridColumn, gridColumns, rowLabel } from "../lib/columns.ts";
import { showCell } from "../lib/gridScroll.ts";
import type { CellTarget } from "../lib/problemRows.ts";
import { problemText } from "../lib/problems.ts";
import { useGridGeometry } from "../lib/useGridGeometry.ts";
import { CommentsDialog } from "./CommentsDialog.tsx";
import { ConflictDialog, type ConflictState } from "./ConflictDialog.tsx";

type Draft = { value: string; problems: CellProblem[]; saving: boolean };
type Drafts = Record<string, Partial<Record<RowField, Draft>>>;
type Editing = { rowId: string; field: RowField; r: number; c: number; value: string; original: string };
type Position = { r: number; c: number };

const cellKey = (p: Position) => `${p.r}:${p.c}`;

/** Whether a row may be changed: the caller may edit, and the row still holds a student's personal data. */
const editableRow = (row: Row | undefined, canEdit: boolean) => canEdit && row !== undefined && !row.anonymisedAt;

/**
 * The sheet as a grid like the Excel sheet: one row per student, sticky header, frozen name
 * columns (from 768 px; columns as wide as their content, see useGridGeometry and showCell),
 * cells edited in place, Registrert/Bestilt in colour and text, changes after submission
 * in red with who and when, comments per row. Keyboard model (also shown above the grid):
 * arrows move, Enter/F2 or typing edits, Enter saves and moves down, Tab saves and moves right,
 * Escape cancels; Tab outside edit mode leaves the grid. A row whose personal data were deleted
 * after the retention period (`anonymisedAt`) is shown read-only, its name cell saying so.
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
  const queryClient = useQueryClient();
  const update = useUpdateRow();
  const reveal = useRevealNationalId();
  const remove = useDeleteRow();
  const sites = usePlacementSites();
  const columns = useMemo(() => gridColumns(sheet.kind), [sheet.kind]);
  const gridRef = useRef<HTMLTableElement>(null);
  const idPrefix = useId();
  useGridGeometry(gridRef, columns.filter((c) => c.frozen).length, columns.length);

  const [active, setActive] = useState<Position>({ r: 0, c: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [commentsFor, setCommentsFor] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const queue = useRef(new Map<string, Promise<void>>());

  const sortedSites = useMemo(() => [...(sites.data ?? [])].sort((a, b) => compareText(a.name, b.name)), [sites.data]);

  // Keep the active cell inside the grid when rows come and go.
  useEffect(() => {
    setActive((p) => ({ r: Math.min(p.r, Math.max(rows.length - 1, 0)), c: Math.min(p.c, columns.length - 1) }));
  }, [rows.length, columns.length]);

  const focusCell = useCallback(
    (p: Position) => {
      const r = Math.max(0, Math.min(rows.length - 1, p.r));
      const c = Math.max(0, Math.min(columns.length - 1, p.c));
      setActive({ r, c });
      window.requestAnimationFrame(() => {
        const table = gridRef.current;
        const el = table?.querySelector<HTMLElement>(`[data-cell="${cellKey({ r, c })}"]`);
        const cell = el?.closest<HTMLElement>("td,th");
        el?.focus({ preventScroll: true });
        if (table?.parentElement && cell) showCell(table.parentElement, table, cell);
      });
    },
    [rows.length, columns.length],
  );

  // A highlighted row (?rad= from search) or a row just added: scroll to it and make it the active row.
  // Once per highlighted row, not again after each save (saving replaces the rows array).
  const highlightIndex = highlightRowId ? rows.findIndex((row) => row.id === highlightRowId) : -1;
  useEffect(() => {
    if (!highlightRowId || highlightIndex < 0) return;
    setActive({ r: highlightIndex, c: 0 });
    window.requestAnimationFrame(() =>
      gridRef.current?.querySelector(`[data-row-id="${highlightRowId}"]`)?.scrollIntoView({ block: "center" }),
    );
  }, [highlightRowId, highlightIndex]);

  useEffect(() => {
    if (!focusTarget) return;
    const r = rows.findIndex((row) => row.id === focusTarget.rowId);
    if (r < 0) return;
    onFocusedRow();
    focusCell({ r, c: focusTarget.column });
  }, [focusTarget, rows, focusCell, onFocusedRow]);

  const setDraft = useCallback((rowId: string, field: RowField, draft: Draft | null) => {
    setDrafts((old) => {
      const forRow = { ...(old[rowId] ?? {}) };
      if (draft) forRow[field] = draft;
      else delete forRow[field];
      return { ...old, [rowId]: forRow };
    });
  }, []);

  const cachedRow = useCallback(
    (rowId: string) =>
      queryClient.getQueryData<SheetRows>(overviewKeys.rows(sheet.id))?.rows.find((r) => r.id === rowId) ?? null,
    [queryClient, sheet.id],
  );

  const checkContext = useCallback(
    (row: Row) => {
      const startDraft = drafts[row.id]?.startDate?.value;
      const endDraft = drafts[row.id]?.endDate?.value;
      return {
        kind: sheet.kind,
        testMode,
        periodStart: sheet.startDate,
        periodEnd: sheet.endDate,
        sites: sortedSites,
        row,
        startDate: startDraft !== undefined ? parseDate(startDraft) : row.startDate,
        endDate: endDraft !== undefined ? parseDate(endDraft) : row.endDate,
      };
    },
    [drafts, testMode, sheet.kind, sheet.startDate, sheet.endDate, sortedSites],
  );

  /** Saves typed values of one row, one request after the other so each carries the latest version. */
  const save = useCallback(
    (rowId: string, values: Partial<Record<RowField, string>>, problems: Partial<Record<RowField, CellProblem[]>>) => {
      const fields = Object.keys(values) as RowField[];
      for (const field of fields) {
        setDraft(rowId, field, { value: values[field] ?? "", problems: problems[field] ?? [], saving: true });
      }
      const run = async () => {
        const current = cachedRow(rowId);
        if (!current) return;
        const input: RowInput = {};
        for (const field of fields) Object.assign(input, toInput(field, values[field] ?? ""));
        try {
          await update.mutateAsync({ rowId, sheetId: sheet.id, overviewId, version: current.version, input });
          for (const field of fields) setDraft(rowId, field, null);
        } catch (error) {
          const keep = (field: RowField, extra: CellProblem[]) =>
            setDraft(rowId, field, {
              value: values[field] ?? "",
              problems: [...(problems[field] ?? []).filter((p) => p.warning), ...extra],
              saving: false,
            });
          if (isApiError(error) && error.code === "rows.anonymised") {
            // The retention job emptied the row meanwhile: what was typed cannot be kept.
            for (const field of fields) setDraft(rowId, field, null);
            announce(errorMessage(t, error));
            void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(sheet.id) });
            return;
          }
          if (isApiError(error) && error.code === "rows.conflict" && error.details?.current) {
            for (const field of fields) keep(field, []);
            setConflict({ rowId, values, current: error.details.current as Row });
            return;
          }
          const issues = isApiError(error) && Array.isArray(error.details?.issues) ? error.details.issues : null;
          if (issues) {
            for (const field of fields) {
              const codes = issues
                .filter((i): i is { path: unknown; message: unknown } => typeof i === "object" && i !== null)
                .filter((i) => {
                  const path = Array.isArray(i.path) ? i.path.join(".") : String(i.path ?? "");
                  return path.replace(/^body\.?/, "") === field;
                })
                .map((i) => ({ code: String(i.message) }));
              keep(field, codes.length > 0 ? codes : [{ code: "rows.invalid" }]);
            }
            return;
          }
          for (const field of fields) keep(field, [{ code: "save.failed" }]);
          announce(errorMessage(t, error));
        }
      };
      const previous = queue.current.get(rowId) ?? Promise.resolve();
      const next = previous.then(run, run);
      queue.current.set(rowId, next);
    },
    [announce, cachedRow, overviewId, queryClient, setDraft, sheet.id, t, update],
  );

  const startEdit = useCallback(
    async (p: Position, initial?: string) => {
      const row = rows[p.r];
      const column = columns[p.c];
      if (!editableRow(row, canEdit) || !row || !column?.field) return;
      const field = column.field;
      const draft = drafts[row.id]?.[field];
      let value = initial ?? draft?.value;
      if (value === undefined) {
        if (field === "nationalId" && row.nationalIdMasked && revealed[row.id] === undefined) {
          try {
            const answer = await reveal.mutateAsync(row.id);
            setRevealed((old) => ({ ...old, [row.id]: answer.nationalId }));
            // Typing while the number was fetched already started an edit: keep what was typed.
            if (editingRef.current) return;
            value = answer.nationalId;
          } catch (error) {
            announce(errorMessage(t, error));
            return;
          }
        } else {
          value = editValue(row, field, field === "nationalId" ? revealed[row.id] : undefined);
        }
      }
      const original = draft?.value ?? editValue(row, field, field === "nationalId" ? revealed[row.id] : undefined);
      const next = { rowId: row.id, field, r: p.r, c: p.c, value, original };
      editingRef.current = next;
      setActive(p);
      setEditing(next);
    },
    [announce, canEdit, columns, drafts, reveal, revealed, rows, t],
  );

  /** Ends editing: saves (or not), then focuses `move`, the same cell (null), or nothing ("stay", on blur). */
  const finishEdit = useCallback(
    (mode: "save" | "cancel", move: Position | null | "stay") => {
      const current = editingRef.current;
      if (!current) return;
      editingRef.current = null;
      setEditing(null);
      if (mode === "save" && current.value !== current.original) {
        const row = rows[current.r];
        if (row) {
          const problems = checkCell(current.field, current.value, checkContext(row));
          save(current.rowId, { [current.field]: current.value }, { [current.field]: problems });
        }
      }
      if (move === "stay") setActive({ r: current.r, c: current.c });
      else focusCell(move ?? { r: current.r, c: current.c });
    },
    [checkContext, focusCell, rows, save],
  );

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const target = event.target as HTMLElement;
    if (!target.dataset.cell) return;
    const { r, c } = active;
    const column = columns[c];
    const editable = editableRow(rows[r], canEdit);
    const ctrl = event.ctrlKey || event.metaKey;
    const go = (p: Position) => {
      event.preventDefault();
      focusCell(p);
    };
    switch (event.key) {
      case "ArrowDown":
        return go({ r: ctrl ? rows.length - 1 : r + 1, c });
      case "ArrowUp":
        return go({ r: ctrl ? 0 : r - 1, c });
      case "ArrowRight":
        return go({ r, c: ctrl ? columns.length - 1 : c + 1 });
      case "ArrowLeft":
        return go({ r, c: ctrl ? 0 : c - 1 });
      case "Home":
        return go(ctrl ? { r: 0, c: 0 } : { r, c: 0 });
      case "End":
        return go(ctrl ? { r: rows.length - 1, c: columns.length - 1 } : { r, c: columns.length - 1 });
      case "PageDown":
        return go({ r: r + 10, c });
      case "PageUp":
        return go({ r: r - 10, c });
      case "Enter":
      case "F2":
        if (column?.field && editable) {
          event.preventDefault();
          void startEdit({ r, c });
        }
        return;
      case "Backspace":
      case "Delete":
        if (column?.field && editable && column.kind !== "site") {
          event.preventDefault();
          void startEdit({ r, c }, "");
        }
        return;
      default:
        if (event.key.length === 1 && !ctrl && !event.altKey && column?.field && editable && column.kind !== "site") {
          event.preventDefault();
          void startEdit({ r, c }, event.key);
        }
    }
  };

  const onGridPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current || !canEdit) return;
    const text = event.clipboardData.getData("text/plain");
    if (!text) return;
    event.preventDefault();
    if (/[\t\n]/.test(text.trim())) {
      onPasteRows(text);
      return;
    }
    const column = columns[active.c];
    if (column?.field && column.kind !== "site" && editableRow(rows[active.r], canEdit))
      void startEdit(active, text.trim());
  };

  const commentsRow = rows.find((r) => r.id === commentsFor) ?? null;
  const empty = rows.length === 0;

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
          {empty ? (
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
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                className={[
                  addedAfterSubmission ? "row-added" : "",
                  row.anonymisedAt ? "row-anonymised" : "",
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
                    editing={editing && editing.r === r && editing.c === c ? editing : null}
                    draft={col.field ? drafts[row.id]?.[col.field] : undefined}
                    revealed={revealed[row.id]}
                    canEdit={editableRow(row, canEdit)}
                    sites={sortedSites}
                    addedInfo={
                      c === 0 && addedAfterSubmission && added
                        ? t("overviews.grid.addedAfter", { name: added.by.name, at: formatDateTime(added.at) })
                        : c === 0 && addedAfterSubmission
                          ? t("overviews.grid.addedAfterShort")
                          : null
                    }
                    checkProblems={(value) => (col.field ? checkCell(col.field, value, checkContext(row)) : [])}
                    onActivate={() => setActive({ r, c })}
                    onStartEdit={() => void startEdit({ r, c })}
                    onChangeEditing={(value) => {
                      if (!editingRef.current) return;
                      editingRef.current = { ...editingRef.current, value };
                      setEditing(editingRef.current);
                    }}
                    onFinishEdit={finishEdit}
                    onReveal={async () => {
                      try {
                        const answer = await reveal.mutateAsync(row.id);
                        setRevealed((old) => ({ ...old, [row.id]: answer.nationalId }));
                      } catch (error) {
                        announce(errorMessage(t, error));
                      }
                    }}
                    onPickSite={(site) => save(row.id, { placementSiteId: site.id }, {})}
                    onOpenComments={() => setCommentsFor(row.id)}
                    onDelete={() => {
                      setDeleteError(null);
                      setDeleting(row);
                    }}
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
          label={rowLabel(commentsRow, t("overviews.grid.unnamedRow", { n: rows.indexOf(commentsRow) + 1 }))}
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
        state={conflict}
        columns={columns}
        sites={sortedSites}
        onKeepMine={() => {
          if (!conflict) return;
          queryClient.setQueryData<SheetRows>(overviewKeys.rows(sheet.id), (old) =>
            old ? { ...old, rows: old.rows.map((r) => (r.id === conflict.rowId ? conflict.current : r)) } : old,
          );
          const row = conflict.current;
          const problems: Partial<Record<RowField, CellProblem[]>> = {};
          for (const field of Object.keys(conflict.values) as RowField[]) {
            problems[field] = checkCell(field, conflict.values[field] ?? "", checkContext(row));
          }
          save(conflict.rowId, conflict.values, problems);
          setConflict(null);
          announce(t("overviews.conflict.keptMine"));
        }}
        onTakeTheirs={() => {
          if (!conflict) return;
          queryClient.setQueryData<SheetRows>(overviewKeys.rows(sheet.id), (old) =>
            old ? { ...old, rows: old.rows.map((r) => (r.id === conflict.rowId ? conflict.current : r)) } : old,
          );
          for (const field of Object.keys(conflict.values) as RowField[]) setDraft(conflict.rowId, field, null);
          setConflict(null);
          void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(sheet.id) });
          announce(t("overviews.conflict.tookTheirs"));
        }}
      />

      <ConfirmDialog
        open={deleting !== null}
        title={t("overviews.grid.deleteTitle")}
        body={
          deleting
            ? t(sheet.submittedAt ? "overviews.grid.deleteBodySubmitted" : "overviews.grid.deleteBody", {
                name: rowLabel(deleting, t("overviews.grid.unnamedRow", { n: rows.indexOf(deleting) + 1 })),
              })
            : ""
        }
        confirmLabel={t("overviews.grid.deleteConfirm")}
        pending={remove.isPending}
        error={deleteError}
        onClose={() => {
          setDeleting(null);
          focusCell(active);
        }}
        onConfirm={() => {
          if (!deleting) return;
          const name = rowLabel(deleting, "");
          const fresh = cachedRow(deleting.id) ?? deleting;
          remove.mutate(
            { rowId: deleting.id, version: fresh.version, sheetId: sheet.id, overviewId },
            {
              onSuccess: () => {
                setDeleting(null);
                announce(name ? t("overviews.grid.deleted", { name }) : t("overviews.grid.deletedUnnamed"));
                focusCell({ r: Math.max(0, active.r - 1), c: 0 });
              },
              onError: (error) =>
                setDeleteError(
                  isApiError(error) && error.code === "rows.conflict"
                    ? t("overviews.grid.deleteConflict")
                    : errorMessage(t, error),
                ),
            },
          );
        }}
      />
    </>
  );
}

function stateCell(t: (key: string) => string, row: Row, column: GridColumn): { text: string; colour: string } {
  if (column.key === "registered") {
    return {
      text: t(`overviews.registration.${row.registrationState}`),
      colour: registrationColour(row.registrationState),
    };
  }
  if (column.key === "ordered") {
    return { text: t(`overviews.order.${row.orderState}`), colour: orderColour(row.orderState) };
  }
  const s = row.learningPortalState;
  return {
    text: t(`overviews.learningPortal.${s}`),
    colour: s === "created" ? "green" : s === "not_needed" ? "neutral" : "yellow",
  };
}

function GridCell({
  idBase,
  row,
  rowIndex,
  column,
  columnIndex,
  frozen,
  label,
  isActive,
  editing,
  draft,
  revealed,
  canEdit,
  sites,
  addedInfo,
  checkProblems,
  onActivate,
  onStartEdit,
  onChangeEditing,
  onFinishEdit,
  onReveal,
  onPickSite,
  onOpenComments,
  onDelete,
}: {
  idBase: string;
  row: Row;
  rowIndex: number;
  column: GridColumn;
  columnIndex: number;
  frozen: boolean;
  label: string;
  isActive: boolean;
  editing: Editing | null;
  draft: Draft | undefined;
  revealed: string | undefined;
  canEdit: boolean;
  sites: PlacementSite[];
  addedInfo: string | null;
  checkProblems: (value: string) => CellProblem[];
  onActivate: () => void;
  onStartEdit: () => void;
  onChangeEditing: (value: string) => void;
  onFinishEdit: (mode: "save" | "cancel", move: Position | null | "stay") => void;
  onReveal: () => void;
  onPickSite: (site: PlacementSite) => void;
  onOpenComments: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const dataCell = cellKey({ r: rowIndex, c: columnIndex });
  const focusedAtPress = useRef(false);
  const tipOwner = useRef<HTMLElement | null>(null);
  const [tip, setTip] = useState<{ top: number; left: number } | null>(null);
  /** Who changed the cell and when, shown on hover and focus beside the cell (fixed, so the scroll box does not clip it). */
  const showTip = (el: HTMLElement) => {
    const rect = el.getBoundingClientRect();
    const below = rect.bottom + 80 < window.innerHeight;
    setTip({
      top: below ? rect.bottom + 2 : Math.max(4, rect.top - 78),
      left: Math.min(rect.left, window.innerWidth - 360),
    });
  };
  const columnName = t(`overviews.columns.${column.key}`);
  const classes = ["cell", `cell-${column.kind}`];
  if (frozen) classes.push("frozen", `frozen-${columnIndex}`);
  const Tag = columnIndex === 0 ? "th" : "td";
  const scope = columnIndex === 0 ? "row" : undefined;

  if (column.kind === "comments" || column.kind === "actions") {
    const count = row.comments.length;
    return (
      <td className={classes.join(" ")}>
        {column.kind === "comments" && !row.anonymisedAt ? (
          <Button
            variant="tertiary"
            data-size="sm"
            data-color={count > 0 ? "danger" : undefined}
            className="grid-button"
            data-cell={dataCell}
            tabIndex={isActive ? 0 : -1}
            aria-label={t("overviews.comments.open", { count, name: label })}
            onFocus={onActivate}
            onClick={onOpenComments}
          >
            {count > 0 ? t("overviews.comments.count", { count }) : t("overviews.comments.none")}
          </Button>
        ) : canEdit ? (
          <Button
            variant="tertiary"
            data-size="sm"
            data-color="danger"
            className="grid-button"
            data-cell={dataCell}
            tabIndex={isActive ? 0 : -1}
            aria-label={t("overviews.grid.deleteRow", { name: label })}
            onFocus={onActivate}
            onClick={onDelete}
          >
            {t("common.delete")}
          </Button>
        ) : (
          // biome-ignore lint/a11y/noStaticElementInteractions: a cell of the grid is reachable with the arrow keys
          <span data-cell={dataCell} tabIndex={isActive ? 0 : -1} onFocus={onActivate} className="muted">
            –
          </span>
        )}
      </td>
    );
  }

  if (column.kind === "state") {
    const state = stateCell(t, row, column);
    return (
      // biome-ignore lint/a11y/useAriaPropsSupportedByRole: in a grid table, a td is a gridcell, which supports aria-readonly
      <td
        className={`${classes.join(" ")} state state-${state.colour}`}
        data-cell={dataCell}
        tabIndex={isActive ? 0 : -1}
        aria-readonly="true"
        onFocus={onActivate}
      >
        {state.text}
      </td>
    );
  }

  const field = column.field as RowField;
  const serverProblems: CellProblem[] = row.problems
    .filter((p) => p.field === field || (columnIndex === 0 && p.field === null))
    .map((p) => ({ code: p.code, warning: p.warning, suggestions: p.suggestions }));
  const problems = draft ? draft.problems : serverProblems;
  const errors = problems.filter((p) => !p.warning);
  const change = row.changes.find((ch) => ch.kind === "cell_changed" && ch.field === field);
  // An anonymised row's name cell says that the personal data were deleted, and when (the label).
  const shown = draft
    ? draft.value
    : row.anonymisedAt && field === "lastName"
      ? label
      : displayValue(row, field, field === "nationalId" ? revealed : undefined);
  const siteShown =
    draft && field === "placementSiteId" ? (sites.find((s) => s.id === draft.value)?.name ?? draft.value) : shown;
  const messageId = `${idBase}-msg`;
  const changeId = `${idBase}-chg`;
  const addedId = `${idBase}-add`;
  const describedBy = [problems.length > 0 ? messageId : null, change ? changeId : null, addedInfo ? addedId : null]
    .filter(Boolean)
    .join(" ");
  if (change) classes.push("cell-changed");
  if (errors.length > 0) classes.push("cell-invalid");
  else if (problems.length > 0) classes.push("cell-warning");
  if (draft?.saving) classes.push("cell-saving");

  if (editing) {
    const live = checkProblems(editing.value);
    const liveId = `${idBase}-live`;
    const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
      if (event.key === "Enter") {
        event.preventDefault();
        onFinishEdit("save", { r: rowIndex + (event.shiftKey ? -1 : 1), c: columnIndex });
      } else if (event.key === "Tab") {
        event.preventDefault();
        onFinishEdit("save", { r: rowIndex, c: columnIndex + (event.shiftKey ? -1 : 1) });
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onFinishEdit("cancel", null);
      }
    };
    const common = {
      "aria-label": `${columnName}, ${label}`,
      "aria-invalid": live.some((p) => !p.warning) ? true : undefined,
      "aria-describedby": live.length > 0 ? liveId : undefined,
      className: "cell-editor",
      autoFocus: true,
      onKeyDown,
      onBlur: () => onFinishEdit("save", "stay"),
    };
    const suggested = problems.flatMap((p) => p.suggestions ?? []);
    return (
      <Tag className={`${classes.join(" ")} cell-editing`} scope={scope}>
        {field === "placementSiteId" ? (
          <select {...common} value={editing.value} onChange={(e) => onChangeEditing(e.target.value)}>
            <option value="">{t("overviews.grid.noSite")}</option>
            {suggested.length > 0 ? (
              <optgroup label={t("overviews.grid.suggestedSites")}>
                {suggested.map((name) => {
                  const site = sites.find((s) => s.name === name);
                  return site ? (
                    <option key={`s-${site.id}`} value={site.id}>
                      {site.name}
                    </option>
                  ) : null;
                })}
              </optgroup>
            ) : null}
            <optgroup label={t("overviews.grid.allSites")}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.department && s.department !== s.name ? `${s.name} (${s.department})` : s.name}
                </option>
              ))}
            </optgroup>
          </select>
        ) : (
          <input
            {...common}
            type="text"
            value={editing.value}
            inputMode={column.kind === "nationalId" ? "numeric" : undefined}
            placeholder={column.kind === "date" ? t("overviews.grid.datePlaceholder") : undefined}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChangeEditing(e.target.value)}
          />
        )}
        {live.length > 0 ? (
          <span id={liveId} className={`cell-msg cell-msg-live ${live.some((p) => !p.warning) ? "" : "is-warning"}`}>
            {live.map((p) => problemText(t, p.code, p.suggestions, p.details)).join(" ")}
          </span>
        ) : null}
      </Tag>
    );
  }

  const suggestions = problems.flatMap((p) => p.suggestions ?? []);
  const content: ReactNode = (
    <>
      {addedInfo ? (
        <span className="added-mark" id={addedId}>
          <span aria-hidden="true">{t("overviews.grid.newMark")}</span>
          <span className="ds-sr-only">{addedInfo}</span>
        </span>
      ) : null}
      <span className="cell-value">{field === "placementSiteId" ? siteShown : shown}</span>
      {field === "nationalId" && row.nationalIdMasked && revealed === undefined && !draft ? (
        <button type="button" className="reveal-button" tabIndex={-1} onClick={onReveal}>
          {t("overviews.grid.reveal")}
          <span className="ds-sr-only"> {t("overviews.grid.revealFor", { name: label })}</span>
        </button>
      ) : null}
      {problems.length > 0 ? (
        <span id={messageId} className={`cell-msg ${errors.length > 0 ? "" : "is-warning"}`}>
          {problems.map((p) => problemText(t, p.code, p.suggestions, p.details)).join(" ")}
        </span>
      ) : null}
      {suggestions.length > 0 && canEdit ? (
        <span className="suggestions">
          {suggestions.map((name) => {
            const site = sites.find((s) => s.name === name);
            return site ? (
              <button
                key={name}
                type="button"
                className="suggestion-button"
                tabIndex={-1}
                onClick={(e) => {
                  e.stopPropagation();
                  onPickSite(site);
                }}
              >
                {name}
              </button>
            ) : null;
          })}
        </span>
      ) : null}
      {change ? (
        <span
          id={changeId}
          className={`cell-change${tip ? " is-open" : ""}`}
          style={tip ? { top: `${tip.top}px`, left: `${Math.max(4, tip.left)}px` } : undefined}
        >
          {t("overviews.grid.changedBy", { name: change.by.name, at: formatDateTime(change.at) })}
          {change.from ? ` ${t("overviews.grid.changedFrom", { from: formatChangeValue(field, change.from) })}` : ""}
        </span>
      ) : null}
    </>
  );

  return (
    <Tag
      ref={(el: HTMLTableCellElement | null) => {
        tipOwner.current = el;
      }}
      className={classes.join(" ")}
      scope={scope}
      data-cell={dataCell}
      tabIndex={isActive ? 0 : -1}
      aria-invalid={errors.length > 0 ? true : undefined}
      aria-describedby={describedBy || undefined}
      aria-readonly={canEdit ? undefined : true}
      aria-busy={draft?.saving ? true : undefined}
      onFocus={(e) => {
        onActivate();
        if (change) showTip(e.currentTarget);
      }}
      onBlur={() => setTip(null)}
      onMouseEnter={(e) => {
        if (change) showTip(e.currentTarget);
      }}
      onMouseLeave={() => {
        if (document.activeElement !== tipOwner.current) setTip(null);
      }}
      onMouseDown={(e) => {
        focusedAtPress.current = document.activeElement === e.currentTarget;
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("button")) return;
        if (focusedAtPress.current) onStartEdit();
      }}
      onDoubleClick={onStartEdit}
    >
      {content}
    </Tag>
  );
}
