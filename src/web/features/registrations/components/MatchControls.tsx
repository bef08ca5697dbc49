import { Button, Field, Label, Select } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MatchingView, UnregisteredRow } from "../../../../contracts/registrations.ts";
import { formatDate } from "../../../../domain/dates.ts";

type MatchingRegistration = MatchingView["registrations"]["items"][number];

export const rowName = (r: { firstName: string; lastName: string }) => `${r.lastName}, ${r.firstName}`;

/** A row as FOU tells it apart: the name, the sheet and the start of the placement. */
export function rowLabel(row: UnregisteredRow): string {
  const start = row.placementStart ? `, ${formatDate(row.placementStart)}` : "";
  return `${rowName(row)} (${row.sheetName}${start})`;
}

/** The suggested rows of one registration (by name similarity, best first), each matched with one button. */
export function Suggestions({
  registration,
  pending,
  onMatch,
}: {
  registration: MatchingRegistration;
  pending: boolean;
  onMatch: (rowId: string) => void;
}) {
  const { t } = useTranslation();
  if (registration.suggestions.length === 0) return <span className="muted">{t("matching.noSuggestions")}</span>;
  return (
    <ul className="suggestions">
      {registration.suggestions.map(({ row, score }) => (
        <li key={row.rowId}>
          <span>
            {rowLabel(row)} <span className="muted">{t("matching.score", { score: Math.round(score * 100) })}</span>
          </span>
          <Button
            variant="secondary"
            data-size="sm"
            disabled={pending}
            aria-label={t("matching.matchNamed", { registration: rowName(registration), row: rowLabel(row) })}
            onClick={() => onMatch(row.rowId)}
          >
            {t("matching.match")}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** Matches a registration by hand to any row of the page's rows without a registration. */
export function ManualMatch({
  registration,
  rows,
  pending,
  onMatch,
}: {
  registration: MatchingRegistration;
  rows: readonly UnregisteredRow[];
  pending: boolean;
  onMatch: (rowId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [rowId, setRowId] = useState("");
  if (rows.length === 0) return null;
  return (
    <div className="manual-match">
      <Field data-size="sm">
        <Label htmlFor={id}>{t("matching.manualLabel", { name: rowName(registration) })}</Label>
        <Select id={id} value={rowId} onChange={(e) => setRowId(e.target.value)}>
          <Select.Option value="">{t("common.choose")}</Select.Option>
          {rows.map((row) => (
            <Select.Option key={row.rowId} value={row.rowId}>
              {rowLabel(row)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button variant="secondary" data-size="sm" disabled={!rowId || pending} onClick={() => onMatch(rowId)}>
        {t("matching.match")}
      </Button>
    </div>
  );
}
