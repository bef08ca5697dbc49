import { Alert, Button, Heading, Label, List, Paragraph } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { webcruiterImportReportSchema } from "../../../../contracts/registrations.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { problemText } from "../../../lib/problems.ts";
import { useImportWebcruiter } from "../api/importWebcruiter.ts";

type Report = z.infer<typeof webcruiterImportReportSchema>;

/**
 * Webcruiter's applicant export (.xlsx or .csv) for a trust that keeps Webcruiter: checked first
 * (a dry run: what would be created and matched, the problems by line), then saved.
 */
export function WebcruiterImportForm({
  campaignId,
  onSaved,
  onCancel,
}: {
  campaignId: string;
  onSaved: (report: Report) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const upload = useImportWebcruiter();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (dryRun: boolean) => {
    if (!file) {
      setError(t("campaigns.webcruiter.fileRequired"));
      return;
    }
    setError(null);
    upload.mutate(
      { campaignId, file, dryRun },
      {
        onSuccess: (answer) => (dryRun ? setReport(answer) : onSaved(answer)),
        onError: (e) => setError(errorMessage(t, e)),
      },
    );
  };

  return (
    <div className="form">
      <div>
        <Label htmlFor={fileId}>{t("campaigns.webcruiter.file")}</Label>
        <Paragraph data-size="sm" id={`${fileId}-hint`} className="muted">
          {t("campaigns.webcruiter.fileHint")}
        </Paragraph>
        <input
          id={fileId}
          type="file"
          className="file-input"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${fileId}-hint`}
          disabled={upload.isPending}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setError(null);
          }}
        />
      </div>
      {error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {report ? (
        <section aria-labelledby="webcruiter-report-heading">
          <Heading level={3} data-size="xs" id="webcruiter-report-heading">
            {t("campaigns.webcruiter.reportHeading")}
          </Heading>
          <Paragraph role="status">
            {t("campaigns.webcruiter.summary", {
              lines: report.lines,
              created: report.created,
              matched: report.matched,
              unmatched: report.unmatched,
            })}
          </Paragraph>
          {report.problems.length > 0 ? (
            <List.Unordered>
              {report.problems.map((p) => (
                <List.Item key={`${p.line}-${p.field}-${p.code}`}>
                  {t("campaigns.webcruiter.problem", { line: p.line, field: p.field, text: problemText(t, p.code) })}
                </List.Item>
              ))}
            </List.Unordered>
          ) : null}
        </section>
      ) : null}
      <div className="button-row">
        {report ? (
          <Button onClick={() => run(false)} loading={upload.isPending} disabled={upload.isPending}>
            {t("campaigns.webcruiter.save")}
          </Button>
        ) : (
          <Button onClick={() => run(true)} loading={upload.isPending} disabled={upload.isPending}>
            {t("campaigns.webcruiter.check")}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </div>
  );
}
