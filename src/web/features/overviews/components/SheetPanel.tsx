import { Alert, Button, Details, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Overview, Sheet } from "../../../../contracts/overviews.ts";
import { daysBetween, formatDate, todayInOslo } from "../../../../domain/dates.ts";
import { useSheetRows } from "../../../api/listSheetRows.ts";
import { ExtendButton } from "../../../components/extend/ExtendButton.tsx";
import { extendable } from "../../../components/extend/extendable.ts";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useCreateRows } from "../api/createRows.ts";
import { gridColumns } from "../lib/columns.ts";
import { type CellTarget, hasError, nextErrorCell } from "../lib/problemRows.ts";
import { DeadlineTag } from "./DeadlineTag.tsx";
import { PasteRowsDialog } from "./PasteRowsDialog.tsx";
import { SheetGrid } from "./SheetGrid.tsx";
import { SubmitSheetDialog } from "./SubmitSheetDialog.tsx";

/** One sheet: its period, deadline and submission, the toolbar (add row, paste, submit) and the grid. */
export function SheetPanel({
  overview,
  sheet,
  canEdit,
  testMode,
  highlightRowId,
  onCopySheet,
}: {
  overview: Overview;
  sheet: Sheet;
  canEdit: boolean;
  testMode: boolean;
  highlightRowId: string | null;
  onCopySheet: (sheet: Sheet) => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const rows = useSheetRows(sheet.id);
  const create = useCreateRows();
  const [paste, setPaste] = useState<{ text: string } | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [focusTarget, setFocusTarget] = useState<CellTarget | null>(null);
  /** The row the count last moved to, so that the next press goes on to the next row with an error. */
  const [lastErrorRowId, setLastErrorRowId] = useState<string | null>(null);
  const [lateResult, setLateResult] = useState(false);
  const clearFocusTarget = useCallback(() => setFocusTarget(null), []);
  const columns = useMemo(() => gridColumns(sheet.kind), [sheet.kind]);
  // The rows the grid shows are the truth; the document's count until they are in.
  const errorRows = rows.data ? rows.data.rows.filter(hasError).length : sheet.problemRowCount;
  const goToNextError = () => {
    const target = rows.data ? nextErrorCell(rows.data.rows, columns, lastErrorRowId) : null;
    if (!target) return;
    setLastErrorRowId(target.rowId);
    setFocusTarget(target);
  };
  const today = todayInOslo(new Date());
  const daysLeft = daysBetween(today, sheet.deadline);
  const captionId = `sheet-${sheet.id}-caption`;
  const helpId = `sheet-${sheet.id}-help`;
  const submitBlockedId = `sheet-${sheet.id}-submit-blocked`;
  const submitted = sheet.submittedAt !== null;
  const late = sheet.deadlineState === "submitted_late";

  const addRow = () =>
    create.mutate(
      { sheetId: sheet.id, overviewId: overview.id, rows: [{}] },
      {
        onSuccess: (created) => {
          announce(t("overviews.grid.rowAdded"));
          const id = created[0]?.id;
          setFocusTarget(id ? { rowId: id, column: 0 } : null);
        },
        onError: (error) => announce(errorMessage(t, error)),
      },
    );

  const deadlineText =
    sheet.deadlineState === "on_time" || sheet.deadlineState === "due_soon"
      ? t("overviews.sheet.daysLeft", { count: daysLeft })
      : sheet.deadlineState === "late"
        ? t("overviews.sheet.overdue", { count: -daysLeft })
        : null;

  return (
    <div className="sheet-panel">
      <div className="sheet-facts">
        <dl className="facts">
          <div>
            <dt>{t("overviews.sheet.period")}</dt>
            <dd>
              {formatDate(sheet.startDate)}–{formatDate(sheet.endDate)}
            </dd>
          </div>
          <div>
            <dt>{t("overviews.sheet.deadline")}</dt>
            <dd>
              {formatDate(sheet.deadline)} <DeadlineTag state={sheet.deadlineState} />
              {deadlineText ? <span className="facts-note"> {deadlineText}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t("overviews.sheet.students")}</dt>
            <dd>
              {t("overviews.sheet.counts", {
                rows: sheet.rowCount,
                registered: sheet.registeredCount,
                ordered: sheet.orderedCount,
              })}
              {errorRows > 0 ? (
                <>
                  {" · "}
                  <button
                    type="button"
                    className="problem-count problem-jump"
                    aria-describedby={`${captionId}-jump`}
                    onClick={goToNextError}
                  >
                    {t("overviews.problemRows", { count: errorRows })}
                  </button>
                  <span id={`${captionId}-jump`} className="ds-sr-only">
                    {t("overviews.sheet.problemRowsJump")}
                  </span>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
        {submitted ? (
          <Alert data-color={late ? "warning" : "success"} className="submitted-alert">
            <Paragraph>
              {t(late ? "overviews.sheet.submittedLate" : "overviews.sheet.submitted", {
                date: sheet.submittedAt ? formatDateTime(sheet.submittedAt) : "",
                name: sheet.submittedBy?.name ?? "",
              })}
            </Paragraph>
            {late ? <Paragraph>{t("overviews.sheet.lateWarning")}</Paragraph> : null}
            <Paragraph data-size="sm">{t("overviews.sheet.changesTracked")}</Paragraph>
            {may(me, "orders.create") ? (
              <Button asChild data-size="sm" variant="secondary">
                <Link to={`/bestillinger/ny?ark=${sheet.id}`}>{t("overviews.sheet.orderAccess")}</Link>
              </Button>
            ) : null}{" "}
            <ExtendButton candidates={extendable(rows.data?.rows ?? [])} />
          </Alert>
        ) : sheet.deadlineState === "late" ? (
          <Alert data-color="danger">
            <Paragraph>{t("overviews.sheet.lateNotSubmitted")}</Paragraph>
          </Alert>
        ) : null}
      </div>

      {canEdit ? (
        <div className="button-row sheet-actions">
          <Button onClick={addRow} loading={create.isPending} disabled={create.isPending}>
            {t("overviews.grid.addRow")}
          </Button>
          <Button variant="secondary" onClick={() => setPaste({ text: "" })}>
            {t("overviews.paste.open")}
          </Button>
          <Button variant="secondary" onClick={() => onCopySheet(sheet)}>
            {t("overviews.sheet.copyToNext")}
          </Button>
          {!submitted ? (
            <Button
              variant="primary"
              data-color="success"
              className="submit-button"
              // Errors first: the button says so before it is pressed, and opens nothing.
              aria-disabled={errorRows > 0 ? true : undefined}
              aria-describedby={errorRows > 0 ? submitBlockedId : undefined}
              onClick={() => {
                if (errorRows > 0) return;
                setConfirmSubmit(true);
              }}
            >
              {t("overviews.sheet.submit")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {canEdit && !submitted && errorRows > 0 ? (
        <Paragraph data-size="sm" id={submitBlockedId} className="submit-blocked">
          {t("overviews.sheet.submitBlocked", { count: errorRows })}
        </Paragraph>
      ) : null}

      {lateResult ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t("overviews.sheet.lateWarning")}</Paragraph>
        </Alert>
      ) : null}

      <Heading level={3} data-size="xs" id={captionId} className="ds-sr-only">
        {t("overviews.grid.caption", { name: sheet.name })}
      </Heading>
      <Details className="keyboard-help">
        <Details.Summary>{t("overviews.grid.helpSummary")}</Details.Summary>
        <Details.Content>
          <ul className="plain-list" id={helpId}>
            <li>{t("overviews.grid.help.move")}</li>
            <li>{t("overviews.grid.help.edit")}</li>
            <li>{t("overviews.grid.help.save")}</li>
            <li>{t("overviews.grid.help.cancel")}</li>
            <li>{t("overviews.grid.help.leave")}</li>
            <li>{t("overviews.grid.help.paste")}</li>
            <li>{t("overviews.grid.help.colours")}</li>
            <li>{t("overviews.grid.help.anonymised")}</li>
          </ul>
        </Details.Content>
      </Details>
      <p id={`${helpId}-short`} className="ds-sr-only">
        {t("overviews.grid.helpShort")}
      </p>

      {rows.isPending ? (
        <Loading />
      ) : rows.error ? (
        <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling box must be reachable by keyboard
        <section className="grid-scroller" aria-labelledby={captionId} tabIndex={0}>
          <SheetGrid
            sheet={rows.data.sheet}
            rows={rows.data.rows}
            overviewId={overview.id}
            canEdit={canEdit}
            testMode={testMode}
            highlightRowId={highlightRowId}
            labelledBy={captionId}
            describedBy={`${helpId}-short`}
            focusTarget={focusTarget}
            onFocusedRow={clearFocusTarget}
            onPasteRows={(text) => setPaste({ text })}
          />
        </section>
      )}

      <PasteRowsDialog
        open={paste !== null}
        initialText={paste?.text ?? ""}
        sheet={sheet}
        overviewId={overview.id}
        onClose={() => setPaste(null)}
        onAdded={(count, firstRowId) => {
          setPaste(null);
          announce(t("overviews.paste.added", { count }));
          setFocusTarget(firstRowId ? { rowId: firstRowId, column: 0 } : null);
        }}
      />

      <SubmitSheetDialog
        open={confirmSubmit}
        sheet={sheet}
        overviewId={overview.id}
        onClose={() => setConfirmSubmit(false)}
        onSubmitted={(late) => {
          setConfirmSubmit(false);
          setLateResult(late);
          announce(late ? t("overviews.sheet.submittedLateNow") : t("overviews.sheet.submittedNow"));
        }}
      />
    </div>
  );
}
