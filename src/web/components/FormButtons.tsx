import { Button } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

/** A dialog form's submit button (busy while `pending`) and its cancel button. */
export function FormButtons({
  submitLabel,
  pending,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" loading={pending} disabled={pending}>
        {submitLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
    </div>
  );
}
