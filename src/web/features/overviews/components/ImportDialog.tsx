import { Alert, Button, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "../../../../contracts/overviews.ts";
import type { ImportReport } from "../../../../contracts/overviews-import.ts";
import { parseDate } from "../../../../domain/dates.ts";
import { FileField } from "../../../components/FileField.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { type ImportPeriods, importOverview } from "../api/importOverview.ts";
import { overviewKeys } from "../api/keys.ts";
import { ReportView } from "./ImportReportView.tsx";

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
          <FileField
            label={t("overviews.import.file")}
            hint={t("overviews.import.fileHint")}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChoose={(chosen) => {
              setFile(chosen);
              setError(null);
            }}
          />
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
