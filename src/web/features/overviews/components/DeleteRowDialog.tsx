import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "../../../../contracts/overviews.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useDeleteRow } from "../api/deleteRow.ts";
import { rowLabel } from "../lib/columns.ts";

/** Asks before a row is deleted (a change once the sheet is submitted), and deletes it on the row's latest version. */
export function DeleteRowDialog({
  row,
  label,
  submitted,
  sheetId,
  overviewId,
  latest,
  onClose,
  onDeleted,
}: {
  row: Row | null;
  /** The row's label in the question. */
  label: string;
  submitted: boolean;
  sheetId: string;
  overviewId: string;
  /** The row as cached now, with the version to delete. */
  latest: (rowId: string) => Row | null;
  onClose: () => void;
  /** After the row is deleted, with its name ("" when it has none). */
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteRow();
  const [error, setError] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState<Row | null>(null);
  // A new question starts without the last one's error.
  if (row !== shownFor) {
    setShownFor(row);
    setError(null);
  }
  return (
    <ConfirmDialog
      open={row !== null}
      title={t("overviews.grid.deleteTitle")}
      body={
        row ? t(submitted ? "overviews.grid.deleteBodySubmitted" : "overviews.grid.deleteBody", { name: label }) : ""
      }
      confirmLabel={t("overviews.grid.deleteConfirm")}
      pending={remove.isPending}
      error={error}
      onClose={onClose}
      onConfirm={() => {
        if (!row) return;
        const name = rowLabel(row, "");
        const fresh = latest(row.id) ?? row;
        remove.mutate(
          { rowId: row.id, version: fresh.version, sheetId, overviewId },
          {
            onSuccess: () => onDeleted(name),
            onError: (e) => setError(errorMessage(t, e)),
          },
        );
      }}
    />
  );
}
