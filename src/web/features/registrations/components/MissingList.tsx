import { Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { UnregisteredRow } from "../../../../contracts/registrations.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { useMissingStudents } from "../api/listMissingStudents.ts";

/** `?vis=mangler`: the students expected to register (their rows) who have not, searched and paged by the server. */
export function MissingList({ campaignId, toolbar }: { campaignId: string; toolbar: React.ReactNode }) {
  const { t } = useTranslation();
  const { q, limit, offset } = useServerListQuery(["name"] as const, "name");
  const missing = useMissingStudents(campaignId, { q, limit, offset });
  const name = (r: UnregisteredRow) => `${r.lastName}, ${r.firstName}`;
  const columns: ListColumn<UnregisteredRow>[] = [
    { key: "name", header: t("campaigns.registrations.name"), cell: name },
    { key: "email", header: t("campaigns.registrations.email"), cell: (r) => r.email ?? "–" },
    { key: "sheet", header: t("campaigns.missing.sheet"), cell: (r) => r.sheetName },
    {
      key: "start",
      header: t("campaigns.missing.start"),
      cell: (r) => (r.placementStart ? formatDate(r.placementStart) : "–"),
    },
  ];
  return (
    <ListTable
      rows={missing.data?.items ?? []}
      rowKey={(r) => r.rowId}
      columns={columns}
      defaultSort="name"
      searchLabel={t("campaigns.registrations.search")}
      searchText={(r) => [r.firstName, r.lastName, r.email]}
      toolbarEnd={toolbar}
      caption={{ id: "missing-caption", text: t("campaigns.missing.caption") }}
      load={{ isPending: missing.isPending, error: missing.error, retry: () => void missing.refetch() }}
      empty={<Paragraph>{t("campaigns.missing.empty")}</Paragraph>}
      server={{ total: missing.data?.total ?? 0 }}
    />
  );
}
