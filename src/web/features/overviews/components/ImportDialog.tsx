import {
  Alert,
  Button,
  Details,
  Heading,
  Label,
  Paragraph,
  Spinner,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../../../contracts/overviews.ts";
import type { ImportReport } from "../../../../contracts/overviews-import.ts";
import { formatDate, parseDate } from "../../../../domain/dates.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { type ImportPeriods, importOverview } from "../api/importOverview.ts";
import { overviewKeys } from "../api/keys.ts";
import { noticeText, problemText } from "../lib/problems.ts";

type Step = "choose" | "checking" | "report" | "saving" | "done";

/**
 * Import of a filled workbook: a dry run first (the report per sheet, row and cell, every check but
 * those against a new sheet's period), then the period dates for sheets that do not exist yet and a
 * second dry run with them ("Kontroller datoene") for the final report; only then "Lagre" saves all
 * or nothing, with the periods checked. Then a summary.
 */
export function ImportDialog({ open, overview, onClose }: { open: boolean; overview: Overview; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} title={t("overviews.import.title")} onClose={onClose} className="import-dialog">
      <ImportFlow overview={overview} onClose={onClose} />
    </FormDialog>
  );
}

function ImportFlow({ overview, onClose }: { overview: Overview; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>("choose");
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [periods, setPeriods] = useState<Record<string, { start: string; end: string }>>({});
  const [periodErrors, setPeriodErrors] = useState<Record<string, string>>({});
  /** The periods the shown report was checked with: "Lagre" saves exactly these. */
  const [checkedPeriods, setCheckedPeriods] = useState<ImportPeriods>({});
  /** Counts the checks answered: each new report takes the focus to its heading, to be read from the top. */
  const [checks, setChecks] = useState(0);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (checks > 0) reportHeading.current?.focus();
  }, [checks]);

  const run = async (dryRun: boolean, body: ImportPeriods) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    setStep(dryRun ? "checking" : "saving");
    try {
      const answer = await importOverview({
        overviewId: overview.id,
        file,
        dryRun,
        periods: body,
        onProgress: setProgress,
      });
      setReport(answer);
      if (dryRun) {
        setCheckedPeriods(body);
        setChecks((n) => n + 1);
      }
      if (!dryRun && answer.saved) {
        setStep("done");
        void queryClient.invalidateQueries({ queryKey: overviewKeys.all });
      } else {
        setStep("report");
      }
    } catch (e) {
      setError(errorMessage(t, e));
      setStep(report ? "report" : "choose");
    }
  };

  function onCheck(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setError(t("overviews.import.chooseFile"));
      return;
    }
    if (file.size > 10 * 1024 * 1024) {
      setError(t("errors.codes.upload_too_large"));
      return;
    }
    setReport(null);
    setPeriods({});
    setPeriodErrors({});
    void run(true, {});
  }

  /** The typed periods of the new sheets, read by the date rule, with what is wrong per sheet. */
  function typedPeriods(forReport: ImportReport) {
    const body: ImportPeriods = {};
    const errors: Record<string, string> = {};
    for (const sheet of forReport.sheets.filter((s) => !s.sheetId)) {
      const start = parseDate(periods[sheet.name]?.start ?? "");
      const end = parseDate(periods[sheet.name]?.end ?? "");
      if (!start || !end) errors[sheet.name] = t("overviews.import.periodMissing");
      else if (end <= start) errors[sheet.name] = t("overviews.newSheet.endBeforeStart");
      else body[sheet.name] = { startDate: start, endDate: end };
    }
    return { body, errors };
  }

  function onCheckDates() {
    if (!report) return;
    const { body, errors } = typedPeriods(report);
    setPeriodErrors(errors);
    if (Object.keys(errors).length > 0) {
      setError(t("overviews.import.periodsFirst"));
      return;
    }
    void run(true, body);
  }

  const busy = step === "checking" || step === "saving";
  // "Lagre" is offered for a complete report only, and only while the periods are those it was checked with.
  const periodsChanged =
    report !== null && JSON.stringify(typedPeriods(report).body) !== JSON.stringify(checkedPeriods);
  const canSave = report?.complete === true && !periodsChanged;

  return (
    <div className="import-flow">
      {step === "choose" || (step === "checking" && !report) ? (
        <form onSubmit={onCheck} noValidate className="form">
          <Paragraph>{t("overviews.import.lead")}</Paragraph>
          <div className="ds-field">
            <Label htmlFor={fileId}>{t("overviews.import.file")}</Label>
            <Paragraph data-size="sm" id={`${fileId}-hint`} className="muted">
              {t("overviews.import.fileHint")}
            </Paragraph>
            <input
              id={fileId}
              type="file"
              className="file-input"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${fileId}-hint`}
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
          </div>
          {error ? (
            <Alert data-color="danger" role="alert">
              <Paragraph>{error}</Paragraph>
            </Alert>
          ) : null}
          <div className="button-row">
            <Button type="submit" disabled={busy}>
              {t("overviews.import.check")}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      ) : null}

      {busy ? (
        <div className="import-progress" role="status" aria-live="polite">
          <Spinner aria-hidden="true" data-size="sm" />
          <div>
            <Paragraph>
              {progress < 1
                ? t("overviews.import.uploading", { percent: Math.round(progress * 100) })
                : step === "checking"
                  ? t("overviews.import.checking")
                  : t("overviews.import.saving")}
            </Paragraph>
            <progress max={1} value={progress < 1 ? progress : undefined} aria-label={t("overviews.import.progress")} />
          </div>
        </div>
      ) : null}

      {report && step !== "done" && step !== "choose" ? (
        <ReportView
          headingRef={reportHeading}
          report={report}
          periods={periods}
          periodErrors={periodErrors}
          onPeriod={(name, key, value) =>
            setPeriods((old) => ({ ...old, [name]: { start: "", end: "", ...old[name], [key]: value } }))
          }
        />
      ) : null}

      {report && step === "report" ? (
        <>
          {error ? (
            <Alert data-color="danger" role="alert">
              <Paragraph>{error}</Paragraph>
            </Alert>
          ) : null}
          {report.complete && periodsChanged ? (
            <Alert data-color="warning">
              <Paragraph>{t("overviews.import.periodsChanged")}</Paragraph>
            </Alert>
          ) : null}
          <div className="button-row">
            {canSave ? (
              <Button onClick={() => void run(false, checkedPeriods)} disabled={busy}>
                {t("overviews.import.save")}
              </Button>
            ) : (
              <Button onClick={onCheckDates} disabled={busy}>
                {t("overviews.import.checkDates")}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setReport(null);
                setFile(null);
                setStep("choose");
              }}
            >
              {t("overviews.import.other")}
            </Button>
            <Button variant="tertiary" onClick={onClose}>
              {t("common.cancel")}
            </Button>
          </div>
        </>
      ) : null}

      {report && step === "done" ? (
        <div className="form">
          <Alert data-color="success">
            <Heading level={3} data-size="xs">
              {t("overviews.import.doneTitle")}
            </Heading>
            <ul className="plain-list">
              {report.sheets.map((s) => (
                <li key={s.name}>
                  {t("overviews.import.doneSheet", {
                    name: s.name,
                    added: s.added,
                    changed: s.changed,
                    removed: s.removed,
                    unchanged: s.unchanged,
                  })}
                </li>
              ))}
            </ul>
            {report.errorRowCount > 0 ? (
              <Paragraph>{t("overviews.import.doneWithErrorRows", { count: report.errorRowCount })}</Paragraph>
            ) : null}
          </Alert>
          <div className="button-row">
            <Button onClick={onClose}>{t("overviews.import.close")}</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function ReportView({
  headingRef,
  report,
  periods,
  periodErrors,
  onPeriod,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  report: ImportReport;
  periods: Record<string, { start: string; end: string }>;
  periodErrors: Record<string, string>;
  onPeriod: (sheet: string, key: "start" | "end", value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <Heading level={3} data-size="xs" id="import-report-heading" ref={headingRef} tabIndex={-1}>
        {t("overviews.import.reportTitle")}
      </Heading>
      <ReportSummary report={report} />
      {report.sheets.map((sheet, index) => {
        const problemRows = sheet.rows.filter((r) => r.problems.length > 0);
        const changedRows = sheet.rows.filter((r) => r.action === "change");
        const headingId = `import-sheet-${index}`;
        return (
          <section key={sheet.name} className="import-sheet" aria-labelledby={headingId}>
            <Heading level={4} data-size="2xs" id={headingId}>
              {sheet.name}{" "}
              <Tag data-size="sm" data-color={sheet.sheetId ? "neutral" : "info"}>
                {sheet.sheetId ? t("overviews.import.existingSheet") : t("overviews.import.newSheet")}
              </Tag>
            </Heading>
            <Paragraph>
              {t("overviews.import.counts", {
                added: sheet.added,
                changed: sheet.changed,
                removed: sheet.removed,
                unchanged: sheet.unchanged,
              })}
            </Paragraph>
            {sheet.removedRows.length > 0 ? (
              <Alert data-color="warning">
                <Paragraph>
                  {t("overviews.import.removedWarning", {
                    count: sheet.removedRows.length,
                    names: sheet.removedRows.map((r) => r.label).join("; "),
                  })}
                </Paragraph>
              </Alert>
            ) : null}
            {!sheet.sheetId ? (
              <fieldset className="period-fieldset">
                <legend>{t("overviews.import.periodLegend", { name: sheet.name })}</legend>
                <div className="field-row">
                  <Textfield
                    label={t("overviews.newSheet.startDate")}
                    description={t("overviews.newSheet.dateHint")}
                    value={periods[sheet.name]?.start ?? ""}
                    onChange={(e) => onPeriod(sheet.name, "start", e.target.value)}
                    error={
                      periodErrors[sheet.name] && !parseDate(periods[sheet.name]?.start ?? "")
                        ? periodErrors[sheet.name]
                        : undefined
                    }
                  />
                  <Textfield
                    label={t("overviews.newSheet.endDate")}
                    description={t("overviews.newSheet.dateHint")}
                    value={periods[sheet.name]?.end ?? ""}
                    onChange={(e) => onPeriod(sheet.name, "end", e.target.value)}
                    error={
                      periodErrors[sheet.name] && parseDate(periods[sheet.name]?.start ?? "")
                        ? periodErrors[sheet.name]
                        : undefined
                    }
                  />
                </div>
              </fieldset>
            ) : null}
            {sheet.notices.length > 0 ? (
              <ul className="plain-list notices">
                {sheet.notices.map((n) => (
                  <li key={`${n.code}-${n.column ?? ""}`}>{noticeText(t, n.code, n.column)}</li>
                ))}
              </ul>
            ) : null}
            {problemRows.length > 0 ? (
              <TableScroller labelledBy={headingId}>
                <Table data-size="sm" className="report-table">
                  <caption>{t("overviews.import.problemsCaption", { count: problemRows.length })}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t("overviews.import.rowNumber")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("overviews.import.student")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("overviews.import.column")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("overviews.import.problem")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {problemRows.flatMap((r) =>
                      r.problems.map((p) => (
                        <Table.Row key={`${r.rowNumber}-${p.field ?? p.column ?? "row"}-${p.code}`}>
                          <Table.Cell>{r.rowNumber}</Table.Cell>
                          <Table.Cell>{r.label}</Table.Cell>
                          <Table.Cell>{p.column ?? (p.field ? t(`overviews.fields.${p.field}`) : "–")}</Table.Cell>
                          <Table.Cell>
                            <Tag data-size="sm" data-color={p.warning ? "warning" : "danger"}>
                              {p.warning ? t("overviews.import.warning") : t("overviews.import.error")}
                            </Tag>{" "}
                            {problemText(t, p.code, p.suggestions, p.details)}
                            {p.suggestions && p.suggestions.length > 0
                              ? ` ${t("overviews.import.suggestions", {
                                  names: p.suggestions.map((name) => t("overviews.import.quoted", { name })).join(", "),
                                })}`
                              : ""}
                            {p.details?.rows && p.details.rows.length > 0
                              ? ` ${t("overviews.import.alsoOnRows", { count: p.details.rows.length, rows: p.details.rows.join(", ") })}`
                              : ""}
                          </Table.Cell>
                        </Table.Row>
                      )),
                    )}
                  </Table.Body>
                </Table>
              </TableScroller>
            ) : null}
            {changedRows.length > 0 || sheet.removedRows.length > 0 ? (
              <Details>
                <Details.Summary>
                  {t("overviews.import.changesSummary", {
                    changed: changedRows.length,
                    removed: sheet.removedRows.length,
                  })}
                </Details.Summary>
                <Details.Content>
                  <ul className="plain-list">
                    {changedRows.map((r) => (
                      <li key={r.rowNumber}>
                        <strong>{r.label}</strong> ({t("overviews.import.rowNumberShort", { n: r.rowNumber })}):{" "}
                        {r.changes
                          .map((c) =>
                            t("overviews.import.changeLine", {
                              field: t(`overviews.fields.${c.field}`),
                              from: formatValue(c.from) || t("overviews.conflict.blank"),
                              to: formatValue(c.to) || t("overviews.conflict.blank"),
                            }),
                          )
                          .join("; ")}
                      </li>
                    ))}
                    {sheet.removedRows.map((r) => (
                      <li key={r.rowId}>{t("overviews.import.removedLine", { name: r.label })}</li>
                    ))}
                  </ul>
                </Details.Content>
              </Details>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

/**
 * What the check found in all, in the grid's words ("4 rader har feil"). While a check is pending
 * (a new sheet without its period) it never says "no errors" outright, and says what is left.
 */
function ReportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const errors = report.errorCount > 0;
  return (
    <>
      <Alert data-color={errors ? "warning" : report.complete ? "success" : "info"} role="status">
        <Paragraph>
          {errors
            ? t("overviews.import.reportErrorRows", { count: report.errorRowCount, errors: report.errorCount })
            : !report.complete
              ? t("overviews.import.reportNoErrorsSoFar")
              : report.warningCount > 0
                ? t("overviews.import.reportNoErrors")
                : t("overviews.import.reportClean")}{" "}
          {report.warningCount > 0 ? t("overviews.import.reportWarnings", { count: report.warningCount }) : null}
        </Paragraph>
        {errors && report.complete ? <Paragraph>{t("overviews.import.reportAdvice")}</Paragraph> : null}
        <Paragraph data-size="sm">{t("overviews.import.nothingSavedYet")}</Paragraph>
      </Alert>
      {report.complete ? null : (
        <Alert data-color="info">
          <Paragraph>{t("overviews.import.reportPending")}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** Dates in the report come as YYYY-MM-DD; people read dd.mm.yyyy. */
function formatValue(value: string | null): string {
  if (!value) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}
