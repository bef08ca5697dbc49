import { Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderLine } from "../../../../contracts/orders.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { useRejectOrderLines } from "../api/rejectOrderLines.ts";
import { DecisionError } from "./DecisionError.tsx";

/** "Avvis": the selected lines are rejected with one reason, which FOU reads. */
export function RejectDialog({
  open,
  lines,
  onClose,
  onDone,
}: {
  open: boolean;
  lines: readonly OrderLine[];
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation();
  const reject = useRejectOrderLines();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const close = () => {
    reject.reset();
    setReason("");
    setMissing(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    reject.mutate(
      { lineIds: lines.map((l) => l.id), reason: reason.trim() },
      {
        onSuccess: (answer) => {
          setReason("");
          onDone(answer.updated);
        },
      },
    );
  };
  return (
    <FormDialog open={open} title={t("itQueue.reject.title", { count: lines.length })} onClose={close}>
      <form onSubmit={submit} noValidate className="form">
        <Paragraph>{t("itQueue.reject.lead")}</Paragraph>
        <Textfield
          label={t("itQueue.reject.reason")}
          description={t("itQueue.reject.reasonHint")}
          multiline
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing ? t("itQueue.reject.reasonMissing") : undefined}
        />
        <DecisionError error={reject.error} lines={lines} />
        <div className="button-row">
          <Button type="submit" data-color="danger" loading={reject.isPending}>
            {t("itQueue.reject.submit")}
          </Button>
          <Button type="button" variant="secondary" onClick={close}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
