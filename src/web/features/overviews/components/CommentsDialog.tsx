import { Alert, Button, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row } from "../../../../contracts/overviews.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { noticeTexts } from "../../../lib/notices.ts";
import { useAddComment } from "../api/addComment.ts";

/** The signed, dated comments on one row (shown in red, as the procedure asks), and a form to add one. */
export function CommentsDialog({
  row,
  label,
  overviewId,
  canComment,
  onClose,
}: {
  row: Row;
  label: string;
  overviewId: string;
  canComment: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const fieldId = useId();
  const add = useAddComment();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  /** Why the saved comment differs from what was typed (national IDs masked), until the next one. */
  const [notices, setNotices] = useState<string[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setError(t("overviews.comments.required"));
      return;
    }
    setError(null);
    setNotices([]);
    add.mutate(
      { rowId: row.id, sheetId: row.sheetId, overviewId, body: body.trim() },
      {
        onSuccess: (created) => {
          const texts = noticeTexts(t, created.notices);
          setBody("");
          setNotices(texts);
          announce([t("overviews.comments.added"), ...texts].join(" "));
        },
        onError: (e) => setError(errorMessage(t, e)),
      },
    );
  }

  return (
    <FormDialog open title={t("overviews.comments.title", { name: label })} onClose={onClose}>
      {row.comments.length === 0 ? (
        <Paragraph>{t("overviews.comments.empty")}</Paragraph>
      ) : (
        <ol className="comment-list">
          {[...row.comments]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((c) => (
              <li key={c.id} className="comment">
                <Paragraph className="comment-body">{c.body}</Paragraph>
                <Paragraph data-size="sm" className="comment-signature">
                  {t("overviews.comments.signature", { name: c.author.name, at: formatDateTime(c.at) })}
                </Paragraph>
              </li>
            ))}
        </ol>
      )}
      {notices.length > 0 ? (
        <Alert data-color="warning">
          {notices.map((text) => (
            <Paragraph key={text}>{text}</Paragraph>
          ))}
        </Alert>
      ) : null}
      {canComment ? (
        <form onSubmit={onSubmit} noValidate className="form">
          <Textfield
            id={fieldId}
            multiline
            rows={3}
            label={t("overviews.comments.new")}
            description={t("overviews.comments.newHint")}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={error ?? undefined}
          />
          <div className="button-row">
            <Button type="submit" loading={add.isPending} disabled={add.isPending}>
              {t("overviews.comments.add")}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t("overviews.comments.close")}
            </Button>
          </div>
        </form>
      ) : null}
    </FormDialog>
  );
}
