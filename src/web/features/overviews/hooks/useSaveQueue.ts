import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Row, type RowField, type RowInput, rowSchema, type Sheet } from "../../../../contracts/overviews.ts";
import type { Site } from "../../../../domain/placement-row/context.ts";
import type { SheetRows } from "../../../api/listSheetRows.ts";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { isApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { overviewKeys } from "../api/keys.ts";
import { useUpdateRow } from "../api/updateRow.ts";
import type { ConflictState } from "../components/ConflictDialog.tsx";
import { type CellProblem, checkCell, toInput } from "../lib/cells.ts";
import { checkContextOf, type Draft, type Drafts, withDraft } from "../lib/drafts.ts";
import { issueProblems } from "../lib/issues.ts";

type Values = Partial<Record<RowField, string>>;
type Problems = Partial<Record<RowField, CellProblem[]>>;

/**
 * The grid's saves: the drafts (values typed and not yet saved, with their problems), the saves of
 * each row one after the other so each carries the row's latest version, and the conflict when
 * someone else saved the row first (keep mine saves again on their version, take theirs drops the drafts).
 */
export function useSaveQueue({
  sheet,
  overviewId,
  testMode,
  sites,
}: {
  sheet: Sheet;
  overviewId: string;
  testMode: boolean;
  sites: Site[];
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const update = useUpdateRow();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const queue = useRef(new Map<string, Promise<void>>());

  const setDraft = useCallback((rowId: string, field: RowField, draft: Draft | null) => {
    setDrafts((old) => withDraft(old, rowId, field, draft));
  }, []);

  const cachedRow = useCallback(
    (rowId: string) =>
      queryClient.getQueryData<SheetRows>(overviewKeys.rows(sheet.id))?.rows.find((r) => r.id === rowId) ?? null,
    [queryClient, sheet.id],
  );

  const checkContext = useCallback(
    (row: Row) => checkContextOf(sheet, testMode, sites, row, drafts),
    [drafts, testMode, sheet, sites],
  );

  /** Saves typed values of one row, one request after the other so each carries the latest version. */
  const save = useCallback(
    (rowId: string, values: Values, problems: Problems) => {
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
          // The row as the server has it now (details.current), parsed like every row it sends.
          const theirs =
            isApiError(error) && error.code === "rows.conflict"
              ? rowSchema.safeParse(error.details?.current).data
              : undefined;
          if (theirs) {
            for (const field of fields) keep(field, []);
            setConflict({ rowId, values, current: theirs });
            return;
          }
          const refused = isApiError(error) ? issueProblems(error.details, fields) : null;
          if (refused) {
            for (const field of fields) keep(field, refused[field] ?? []);
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

  /** Puts the row someone else saved into the cache, so the next save carries its version. */
  const takeCurrent = (state: ConflictState) =>
    queryClient.setQueryData<SheetRows>(overviewKeys.rows(sheet.id), (old) =>
      old ? { ...old, rows: old.rows.map((r) => (r.id === state.rowId ? state.current : r)) } : old,
    );

  const keepMine = () => {
    if (!conflict) return;
    takeCurrent(conflict);
    const row = conflict.current;
    const problems: Problems = {};
    for (const field of Object.keys(conflict.values) as RowField[]) {
      problems[field] = checkCell(field, conflict.values[field] ?? "", checkContext(row));
    }
    save(conflict.rowId, conflict.values, problems);
    setConflict(null);
    announce(t("overviews.conflict.keptMine"));
  };

  const takeTheirs = () => {
    if (!conflict) return;
    takeCurrent(conflict);
    for (const field of Object.keys(conflict.values) as RowField[]) setDraft(conflict.rowId, field, null);
    setConflict(null);
    void queryClient.invalidateQueries({ queryKey: overviewKeys.rows(sheet.id) });
    announce(t("overviews.conflict.tookTheirs"));
  };

  return { drafts, cachedRow, checkContext, save, conflict, keepMine, takeTheirs };
}
