import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "../../../../contracts/overviews.ts";
import { parseDate } from "../../../../domain/dates.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { isApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useWithdrawRow } from "../api/withdrawRow.ts";

/** "Trekk fra praksis": a date and a reason; the row stays, read-only, and its access goes on the deactivation list. */
export function WithdrawRowDialog({
  row,
  label,
  sheetId,
  overviewId,
  onClose,
  onDone,
}: {
  row: Row | null;
  label: string;
  sheetId: string;
  overviewId: string;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawRow();
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const parsed = date.trim() ? parseDate(date) : null;
  const close = () => {
    withdraw.reset();
    setDate("");
    setReason("");
    setTried(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!row || !parsed || !reason.trim()) return;
    withdraw.mutate(
      { rowId: row.id, date: parsed, reason: reason.trim(), sheetId, overviewId },
      {
        onSuccess: () => {
          setDate("");
          setReason("");
          setTried(false);
          onDone(label);
        },
      },
    );
  };
  // A refused date names the field: shown at the date, not above the form.
  const dateRefused =
    isApiError(withdraw.error) && withdraw.error.code.startsWith("rows.withdraw_") && withdraw.error.status === 400;
  return (
    <FormDialog open={row !== null} title={t("withdraw.title", { name: label })} onClose={close}>
      <form onSubmit={submit} noValidate className="form">
        <Paragraph>{t("withdraw.lead")}</Paragraph>
        <Textfield
          label={t("withdraw.date")}
          description={t("withdraw.dateHint")}
          inputMode="numeric"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={tried && !parsed ? t("withdraw.badDate") : dateRefused ? errorMessage(t, withdraw.error) : undefined}
        />
        <Textfield
          label={t("withdraw.reason")}
          description={t("withdraw.reasonHint")}
          multiline
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={tried && !reason.trim() ? t("withdraw.reasonRequired") : undefined}
        />
        {withdraw.error && !dateRefused ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>{errorMessage(t, withdraw.error)}</Paragraph>
          </Alert>
        ) : null}
        <div className="button-row">
          <Button type="submit" data-color="danger" loading={withdraw.isPending}>
            {t("withdraw.submit")}
          </Button>
          <Button type="button" variant="secondary" onClick={close}>
            {t("withdraw.cancel")}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
