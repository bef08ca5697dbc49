import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Sheet } from "../../../../contracts/overviews.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { isApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useSubmitSheet } from "../api/submitSheet.ts";

/** Why a submission was refused: the error's message, and for rows with errors their names. */
function submitErrorText(t: TFunction, error: unknown): string {
  const message = errorMessage(t, error);
  const rows = isApiError(error) && error.code === "sheets.has_problems" ? error.details?.rows : null;
  if (!Array.isArray(rows)) return message;
  const names = rows
    .map((r) => (typeof r === "object" && r && "label" in r ? String(r.label) : ""))
    .filter(Boolean)
    .join("; ");
  return names ? `${message} ${t("overviews.sheet.problemRowNames", { names })}` : message;
}

/** Asks before a sheet is submitted to FOU (saying so when the deadline has passed), and submits it. */
export function SubmitSheetDialog({
  open,
  sheet,
  overviewId,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  sheet: Sheet;
  overviewId: string;
  onClose: () => void;
  onSubmitted: (late: boolean) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmitSheet();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(open);
  // Each time it opens, without the last attempt's error.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setSubmitError(null);
  }
  const onSubmit = () =>
    submit.mutate(
      { sheetId: sheet.id, overviewId },
      {
        onSuccess: (result) => onSubmitted(result.late),
        onError: (error) => setSubmitError(submitErrorText(t, error)),
      },
    );
  return (
    <ConfirmDialog
      open={open}
      tone="accent"
      className="form-dialog"
      title={t("overviews.sheet.submitTitle", { name: sheet.name })}
      body={
        sheet.deadlineState === "late"
          ? t("overviews.sheet.submitBodyLate", { deadline: formatDate(sheet.deadline) })
          : t("overviews.sheet.submitBody", { count: sheet.rowCount })
      }
      confirmLabel={t("overviews.sheet.submitConfirm")}
      pending={submit.isPending}
      error={submitError}
      onConfirm={onSubmit}
      onClose={onClose}
    />
  );
}
