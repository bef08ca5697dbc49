import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row, RowField } from "../../../../contracts/overviews.ts";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useRevealNationalId } from "../api/revealNationalId.ts";
import { type CellProblem, type CheckContext, checkCell, editValue } from "../lib/cells.ts";
import { editableRow, type GridColumn } from "../lib/columns.ts";
import type { Drafts } from "../lib/drafts.ts";
import type { Position } from "../lib/gridKeys.ts";

/** The cell being edited: where, the value typed so far, and the value it started from. */
export type Editing = { rowId: string; field: RowField; r: number; c: number; value: string; original: string };
/** How an edit ends: saved or cancelled, then focus on `move`, on the same cell (null), or nowhere ("stay", on blur). */
export type FinishEdit = (mode: "save" | "cancel", move: Position | null | "stay") => void;

/**
 * The cell editor's state: starting an edit (with the cell's value, a draft, or what was typed; a
 * masked national ID fetched whole first), the value as typed, and ending it — saving a changed
 * value with the problems the check finds, or cancelling.
 */
export function useCellEditing({
  rows,
  columns,
  canEdit,
  drafts,
  checkContext,
  save,
  setActive,
  focusCell,
}: {
  rows: Row[];
  columns: GridColumn[];
  canEdit: boolean;
  drafts: Drafts;
  checkContext: (row: Row) => CheckContext;
  save: (
    rowId: string,
    values: Partial<Record<RowField, string>>,
    problems: Partial<Record<RowField, CellProblem[]>>,
  ) => void;
  setActive: (p: Position) => void;
  focusCell: (p: Position) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const reveal = useRevealNationalId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  /** Fetches a row's whole national ID; the cell shows it from then on. */
  const revealRow = async (rowId: string) => {
    try {
      const answer = await reveal.mutateAsync(rowId);
      setRevealed((old) => ({ ...old, [rowId]: answer.nationalId }));
    } catch (error) {
      announce(errorMessage(t, error));
    }
  };

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
    [announce, canEdit, columns, drafts, reveal, revealed, rows, setActive, t],
  );

  const changeEditing = (value: string) => {
    if (!editingRef.current) return;
    editingRef.current = { ...editingRef.current, value };
    setEditing(editingRef.current);
  };

  const finishEdit: FinishEdit = useCallback(
    (mode, move) => {
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
    [checkContext, focusCell, rows, save, setActive],
  );

  /** Whether an edit is open now (read in key and paste handlers, before React has rendered it). */
  const isEditing = () => editingRef.current !== null;

  return { editing, isEditing, revealed, revealRow, startEdit, changeEditing, finishEdit };
}
