import { Button, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A link to hand on: shown read-only (selectable) with a button that copies it. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <Textfield id={id} label={label} value={value} readOnly onFocus={(e) => e.target.select()} />
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {t("campaigns.link.copy")}
      </Button>
      <span role="status" className="copy-status">
        {copied ? t("campaigns.link.copied") : ""}
      </span>
    </div>
  );
}
