import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WebcruiterImportReport } from "../../../../contracts/webcruiter-import.ts";
import { FileField } from "../../../components/FileField.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useImportWebcruiter } from "../api/importWebcruiter.ts";
import { WebcruiterReport } from "./WebcruiterReport.tsx";

type Step = "choose" | "checking" | "report" | "saving" | "done";

/** What a file may be at most, as the server says (10 MB). */
const maxBytes = 10 * 1024 * 1024;

/**
 * Webcruiter's applicant export (.xlsx or .csv) for a campaign, for a trust that keeps Webcruiter:
 * checked first (a dry run: what would be created, matched, already registered or skipped, the
 * problems field by field), then saved with "Lagre", like the overviews' import.
 */
export function WebcruiterImportDialog({
  open,
  campaignId,
  onClose,
}: {
  open: boolean;
  campaignId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} title={t("campaigns.webcruiter.title")} onClose={onClose} className="webcruiter-dialog">
      <ImportFlow campaignId={campaignId} onClose={onClose} />
    </FormDialog>
  );
}

function ImportFlow({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useImportWebcruiter();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>("choose");
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<WebcruiterImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Counts the answers: each new report takes the focus to its heading, to be read from the top. */
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
      { campaignId, file, dryRun, onProgress: setProgress },
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
    if (!file) return setError(t("campaigns.webcruiter.fileRequired"));
    if (file.size > maxBytes) return setError(t("errors.codes.upload_too_large"));
    setReport(null);
    run(true);
  }

  const busy = step === "checking" || step === "saving";
  const savable = report !== null && report.totals.created + report.totals.matched > 0;
  const errorAlert = error ? (
    <Alert data-color="danger" role="alert">
      <Paragraph>{error}</Paragraph>
    </Alert>
  ) : null;

  return (
    <div className="webcruiter-flow">
      {step === "choose" || (step === "checking" && !report) ? (
        <form onSubmit={onCheck} noValidate className="form">
          <Paragraph>{t("campaigns.webcruiter.lead")}</Paragraph>
          <FileField
            label={t("campaigns.webcruiter.file")}
            hint={t("campaigns.webcruiter.fileHint")}
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
              {t("campaigns.webcruiter.check")}
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
              ? t("campaigns.webcruiter.uploading", { percent: Math.round(progress * 100) })
              : step === "checking"
                ? t("campaigns.webcruiter.checking")
                : t("campaigns.webcruiter.saving")}
          </Paragraph>
        </div>
      ) : null}

      {report && step !== "choose" ? <WebcruiterReport report={report} headingRef={reportHeading} /> : null}

      {report && step === "report" ? (
        <>
          {errorAlert}
          <Paragraph>
            {savable ? t("campaigns.webcruiter.notSavedYet") : t("campaigns.webcruiter.nothingToSave")}
          </Paragraph>
          <div className="button-row">
            {savable ? (
              <Button onClick={() => run(false)} disabled={busy}>
                {t("campaigns.webcruiter.save")}
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
              {t("campaigns.webcruiter.other")}
            </Button>
            <Button variant="tertiary" onClick={onClose}>
              {t("common.cancel")}
            </Button>
          </div>
        </>
      ) : null}

      {step === "done" ? (
        <div className="button-row">
          <Button onClick={onClose}>{t("campaigns.webcruiter.close")}</Button>
        </div>
      ) : null}
    </div>
  );
}
