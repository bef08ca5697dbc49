import { Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { parseDate } from "../../../../domain/dates.ts";
import { formatDate } from "../../../lib/format.ts";

/** A date typed as dd.mm.yyyy, kept in the URL as an ISO date once it is one. */
export function DateFilter({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value ? formatDate(value) : "");
  const parsed = typed.trim() ? parseDate(typed) : "";
  return (
    <Textfield
      id={id}
      className="it-queue-date"
      label={label}
      value={typed}
      inputMode="numeric"
      placeholder="dd.mm.åååå"
      error={parsed === null ? t("itQueue.filters.badDate") : undefined}
      onChange={(e) => {
        setTyped(e.target.value);
        const next = e.target.value.trim() ? parseDate(e.target.value) : "";
        if (next !== null) onChange(next);
      }}
    />
  );
}
