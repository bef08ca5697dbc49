import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StatusImportReport as Report } from "../../../../contracts/orders.ts";
import { FileField } from "../../../components/FileField.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useImportStatusReport } from "../api/importStatusReport.ts";
import { StatusImportReport } from "./StatusImportReport.tsx";

type Step = "choose" | "checking" | "report" | "saving" | "done";

/** What a file may be at most, as the server says (10 MB). */
const maxBytes = 10 * 1024 * 1024;

/**
 * The ordering portal's status report (.xlsx or .csv), for FOU where the IT provider works only in
 * the portal: checked first (a dry run: what changes, what could not be matched or applied), then
 * saved with "Lagre".
 */
export function StatusImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} title={t("readiness.import.title")} onClose={onClose}>
      <ImportFlow onClose={onClose} />
    </FormDialog>
  );
}

function ImportFlow({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useImportStatusReport();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>("choose");
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState(0);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (answers > 0) reportHeading.current?.focus();
  }, [answers]);

  const run = (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    setStep(dryRun ? "checking" : "saving");
    upload.mutate(
      { file, dryRun, onProgress: setProgress },
      {
        onSuccess: (answer) => {
          setReport(answer);
          setAnswers((n) => n + 1);
          setStep(answer.saved ? "done" : "report");
        },
        onError: (e) => {
          setError(errorMessage(t, e));
          setStep(report ? "report" : "choose");
        },
      },
    );
  };

  function onCheck(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError(t("readiness.import.fileRequired"));
    if (file.size > maxBytes) return setError(t("errors.codes.upload_too_large"));
    setReport(null);
    run(true);
  }

  const busy = step === "checking" || step === "saving";
  const savable = report?.dryRun === true && report.changes.length > 0;
  const errorAlert = error ? (
    <Alert data-color="danger" role="alert">
      <Paragraph>{error}</Paragraph>
    </Alert>
  ) : null;

  return (
    <div className="status-import-flow">
      {step === "choose" || (step === "checking" && !report) ? (
        <form onSubmit={onCheck} noValidate className="form">
          <Paragraph>{t("readiness.import.lead")}</Paragraph>
          <FileField
            label={t("readiness.import.file")}
            hint={t("readiness.import.fileHint")}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChoose={(chosen) => {
              setFile(chosen);
              setError(null);
            }}
          />
          {errorAlert}
          <div className="button-row">
            <Button type="submit" disabled={busy}>
              {t("readiness.import.check")}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      ) : null}

      {busy ? (
        <div className="webcruiter-progress" role="status" aria-live="polite">
          <Spinner aria-hidden="true" data-size="sm" />
          <Paragraph>
            {progress < 1
              ? t("readiness.import.uploading", { percent: Math.round(progress * 100) })
              : step === "checking"
                ? t("readiness.import.checking")
                : t("readiness.import.saving")}
          </Paragraph>
        </div>
      ) : null}

      {report && step !== "choose" ? <StatusImportReport report={report} headingRef={reportHeading} /> : null}

      {report && step === "report" ? (
        <>
          {errorAlert}
          <Paragraph>{savable ? t("readiness.import.notSavedYet") : t("readiness.import.nothingToSave")}</Paragraph>
          <div className="button-row">
            {savable ? (
              <Button onClick={() => run(false)} disabled={busy}>
                {t("readiness.import.save")}
              </Button>
            ) : null}
            <Button
              variant="secondary"
              onClick={() => {
                setReport(null);
                setFile(null);
                setStep("choose");
              }}
            >
              {t("readiness.import.other")}
            </Button>
            <Button variant="tertiary" onClick={onClose}>
              {t("common.cancel")}
            </Button>
          </div>
        </>
      ) : null}

      {step === "done" ? (
        <div className="button-row">
          <Button onClick={onClose}>{t("readiness.import.close")}</Button>
        </div>
      ) : null}
    </div>
  );
}
