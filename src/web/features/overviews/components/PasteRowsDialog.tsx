import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Sheet } from "../../../../contracts/overviews.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useCreateRows } from "../api/createRows.ts";
import { rowsFromPaste } from "../lib/paste.ts";

/**
 * Rows copied from Excel (in the template's column order, or with the header row copied too),
 * checked here and added to the sheet in one request. Problems show in the grid afterwards.
 */
export function PasteRowsDialog({
  open,
  initialText,
  sheet,
  overviewId,
  onClose,
  onAdded,
}: {
  open: boolean;
  initialText: string;
  sheet: Sheet;
  overviewId: string;
  onClose: () => void;
  onAdded: (count: number, firstRowId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} title={t("overviews.paste.title", { sheet: sheet.name })} onClose={onClose}>
      <PasteForm initialText={initialText} sheet={sheet} overviewId={overviewId} onClose={onClose} onAdded={onAdded} />
    </FormDialog>
  );
}

function PasteForm({
  initialText,
  sheet,
  overviewId,
  onClose,
  onAdded,
}: {
  initialText: string;
  sheet: Sheet;
  overviewId: string;
  onClose: () => void;
  onAdded: (count: number, firstRowId: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateRows();
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(() => rowsFromPaste(text, sheet.kind), [text, sheet.kind]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (parsed.rows.length === 0) {
      setError(t("overviews.paste.nothing"));
      return;
    }
    setError(null);
    create.mutate(
      { sheetId: sheet.id, overviewId, rows: parsed.rows },
      {
        onSuccess: (rows) => onAdded(rows.length, rows[0]?.id ?? null),
        onError: (e) => setError(errorMessage(t, e)),
      },
    );
  }

  const columnNames = parsed.columns
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .filter((c) => !["registered", "ordered", "learningPortalUser", "comment", "rowId"].includes(c))
    .map((c) => t(`overviews.columns.${c === "comment" ? "comments" : c}`));

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <Paragraph>{t("overviews.paste.lead")}</Paragraph>
      <Textfield
        id={id}
        multiline
        rows={8}
        label={t("overviews.paste.field")}
        description={t("overviews.paste.fieldHint")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error ?? undefined}
        className="paste-field"
      />
      <div aria-live="polite">
        {parsed.rows.length > 0 ? (
          <Alert data-color="info">
            <Paragraph>
              {parsed.header
                ? t("overviews.paste.foundWithHeader", { count: parsed.rows.length })
                : t("overviews.paste.foundInOrder", { count: parsed.rows.length })}
            </Paragraph>
            {parsed.header ? (
              <Paragraph data-size="sm">{t("overviews.paste.columns", { columns: columnNames.join(", ") })}</Paragraph>
            ) : null}
            {parsed.ignored.length > 0 ? (
              <Paragraph data-size="sm">
                {t("overviews.paste.ignored", { columns: parsed.ignored.join(", ") })}
              </Paragraph>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <div className="button-row">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t("overviews.paste.submit", { count: parsed.rows.length })}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
