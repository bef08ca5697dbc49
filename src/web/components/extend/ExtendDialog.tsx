import { Alert, Button, Checkbox, Fieldset, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExtendRowsResponse, RefusedExtensionRow } from "../../../contracts/extensions.ts";
import { parseDate } from "../../../domain/dates.ts";
import { useExtendRows } from "../../api/extendRows.ts";
import { isApiError } from "../../lib/api.ts";
import { errorKey, errorMessage } from "../../lib/errors.ts";
import { formatDate } from "../../lib/format.ts";
import { FormDialog } from "../FormDialog.tsx";
import "./extend.css";

/** A row the dialog offers to extend: its student and current end. */
export interface ExtendCandidate {
  id: string;
  name: string;
  endDate: string | null;
}

/** The refused rows of an answer: a dry run's report, or a refusal's details. */
const refusedOf = (e: unknown): RefusedExtensionRow[] | null =>
  isApiError(e) && Array.isArray(e.details?.refused) ? (e.details.refused as RefusedExtensionRow[]) : null;

/**
 * "Forleng praksis": FOU picks the rows (all checked at first) and a new end date; "Sjekk" runs the
 * extension as a dry run and shows each refused row and why before anything is saved; "Forleng"
 * extends them all or none.
 */
export function ExtendDialog({
  open,
  candidates,
  onClose,
  onDone,
}: {
  open: boolean;
  candidates: readonly ExtendCandidate[];
  onClose: () => void;
  onDone: (rows: number) => void;
}) {
  const { t } = useTranslation();
  const extend = useExtendRows();
  const [typed, setTyped] = useState("");
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [report, setReport] = useState<ExtendRowsResponse | null>(null);
  const [badDate, setBadDate] = useState(false);
  const chosen = candidates.filter((c) => !unchecked.has(c.id));
  const endDate = parseDate(typed);
  const close = () => {
    extend.reset();
    setTyped("");
    setUnchecked(new Set());
    setReport(null);
    setBadDate(false);
    onClose();
  };
  const run = (dryRun: boolean) => {
    if (!endDate) {
      setBadDate(true);
      return;
    }
    setBadDate(false);
    extend.mutate(
      { rowIds: chosen.map((c) => c.id), endDate, dryRun },
      {
        onSuccess: (answer) => {
          if (dryRun) setReport(answer);
          else {
            close();
            onDone(answer.rows);
          }
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(false);
  };
  const refused = report?.refused ?? refusedOf(extend.error) ?? [];
  const reason = (r: RefusedExtensionRow) =>
    t(errorKey(`extension.${r.code}`), { name: r.name, lastAllowedText: r.lastAllowedText ?? "", count: 1 });

  return (
    <FormDialog open={open} title={t("extensions.dialog.title", { count: chosen.length })} onClose={close}>
      <form onSubmit={submit} noValidate className="form">
        <Paragraph>{t("extensions.dialog.lead")}</Paragraph>
        <Textfield
          label={t("extensions.dialog.endDate")}
          description={t("extensions.dialog.endDateHint")}
          value={typed}
          inputMode="numeric"
          placeholder="dd.mm.åååå"
          onChange={(e) => {
            setTyped(e.target.value);
            setReport(null);
          }}
          error={badDate ? t("extensions.dialog.badDate") : undefined}
        />
        <Fieldset className="extend-rows">
          <Fieldset.Legend>{t("extensions.dialog.rows")}</Fieldset.Legend>
          {candidates.length === 0 ? <Paragraph>{t("extensions.dialog.none")}</Paragraph> : null}
          {candidates.map((c) => (
            <Checkbox
              key={c.id}
              label={c.endDate ? t("extensions.dialog.rowEnds", { name: c.name, date: formatDate(c.endDate) }) : c.name}
              checked={!unchecked.has(c.id)}
              onChange={(e) => {
                const on = e.target.checked;
                setReport(null);
                setUnchecked((prev) => {
                  const next = new Set(prev);
                  if (on) next.delete(c.id);
                  else next.add(c.id);
                  return next;
                });
              }}
            />
          ))}
        </Fieldset>
        {report && refused.length === 0 ? (
          <Alert data-color="success">
            <Paragraph>{t("extensions.dialog.allFine", { count: report.rows })}</Paragraph>
          </Alert>
        ) : null}
        {refused.length > 0 ? (
          <Alert data-color="warning">
            <Paragraph>{t("extensions.dialog.refused", { count: refused.length })}</Paragraph>
            <ul>
              {refused.map((r) => (
                <li key={r.rowId}>{reason(r)}</li>
              ))}
            </ul>
          </Alert>
        ) : extend.error ? (
          <Alert data-color="danger">
            <Paragraph>{errorMessage(t, extend.error)}</Paragraph>
          </Alert>
        ) : null}
        <div className="button-row">
          <Button type="button" variant="secondary" disabled={chosen.length === 0} onClick={() => run(true)}>
            {t("extensions.dialog.check")}
          </Button>
          <Button type="submit" disabled={chosen.length === 0} loading={extend.isPending}>
            {t("extensions.dialog.submit")}
          </Button>
          <Button type="button" variant="tertiary" onClick={close}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
