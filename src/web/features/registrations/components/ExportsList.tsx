import { Button, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { hrTransferExportSchema } from "../../../../contracts/hr-transfer.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useHrTransferExports } from "../api/listHrTransferExports.ts";
import { useMarkHrTransfer } from "../api/markHrTransfer.ts";

type Export = z.infer<typeof hrTransferExportSchema>;

/** The HR transfer files downloaded (newest first unless sorted otherwise); one not yet marked can be marked transferred. */
export function ExportsList() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  // The exports are few (one per transfer): the newest 200 are held here and searched and paged in the browser.
  const exports = useHrTransferExports({ limit: 200, offset: 0 });
  const mark = useMarkHrTransfer();
  const columns: ListColumn<Export>[] = [
    // Not sortable: the server's order, newest first.
    { key: "created", header: t("hrTransfer.exports.created"), cell: (e) => formatDateTime(e.createdAt) },
    { key: "by", header: t("hrTransfer.exports.by"), cell: (e) => e.createdByName ?? "–" },
    { key: "format", header: t("hrTransfer.exports.format"), cell: (e) => e.format.toUpperCase() },
    { key: "persons", header: t("hrTransfer.exports.persons"), cell: (e) => e.persons },
    {
      key: "marked",
      header: t("hrTransfer.exports.marked"),
      cell: (e) =>
        e.markedAt ? (
          <Tag data-size="sm" data-color="success">
            {t("hrTransfer.exports.markedAt", { date: formatDateTime(e.markedAt) })}
          </Tag>
        ) : (
          <Button
            variant="secondary"
            data-size="sm"
            disabled={mark.isPending}
            aria-label={t("hrTransfer.markNamed", { date: formatDateTime(e.createdAt) })}
            onClick={() =>
              mark.mutate(e.id, {
                onSuccess: (answer) => announce(t("hrTransfer.markedCount", { count: answer.marked })),
                onError: (error) => announce(errorMessage(t, error)),
              })
            }
          >
            {t("hrTransfer.mark")}
          </Button>
        ),
    },
  ];
  return (
    <ListTable
      rows={exports.data?.items ?? []}
      rowKey={(e) => e.id}
      columns={columns}
      defaultSort="created"
      paramPrefix="eksport-"
      searchLabel={t("hrTransfer.exports.search")}
      searchText={(e) => [e.createdByName]}
      caption={{ id: "exports-caption", text: t("hrTransfer.exports.caption") }}
      load={{ isPending: exports.isPending, error: exports.error, retry: () => void exports.refetch() }}
      empty={<Paragraph>{t("hrTransfer.exports.empty")}</Paragraph>}
    />
  );
}
