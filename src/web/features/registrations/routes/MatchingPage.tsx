import { Button, Link as DsLink, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MatchingView } from "../../../../contracts/registrations.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { RowActions } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useConfirmRegistration } from "../api/confirmRegistration.ts";
import { useCampaign } from "../api/getCampaign.ts";
import { useMatching } from "../api/getMatching.ts";
import { useMatchRegistration } from "../api/matchRegistration.ts";
import { RegistrationStateTag } from "../components/CampaignStateTag.tsx";
import { ManualMatch, rowName, Suggestions } from "../components/MatchControls.tsx";
import "../registrations.css";

type MatchingRegistration = MatchingView["registrations"]["items"][number];

/**
 * `/registrering/kampanjer/<id>/matching`: FOU's matching view — the campaign's registrations with
 * no person (or waiting for FOU's confirmation), with suggested rows, beside the rows still without
 * a registration; match to a suggestion or to any row, or confirm.
 */
export function MatchingPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "registrations.match")}>
      <Matching />
    </AccessGate>
  );
}

function Matching() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { id = "" } = useParams();
  const campaign = useCampaign(id);
  const { q, limit, offset } = useServerListQuery(["name"] as const, "name");
  const view = useMatching({ campaignId: id, q, limit, offset });
  const match = useMatchRegistration();
  const confirm = useConfirmRegistration();
  const rows = view.data?.rows.items ?? [];
  const pending = match.isPending || confirm.isPending;

  const onMatch = (registration: MatchingRegistration, rowId: string) =>
    match.mutate(
      { id: registration.id, match: { rowId } },
      {
        onSuccess: () => announce(t("matching.matched", { name: rowName(registration) })),
        onError: (e) => announce(errorMessage(t, e)),
      },
    );

  const columns: ListColumn<MatchingRegistration>[] = [
    {
      key: "name",
      header: t("matching.registration"),
      cell: (r) => (
        <>
          <strong>{rowName(r)}</strong>
          <br />
          {r.email}
          {r.birthDate ? (
            <>
              <br />
              {t("matching.born", { date: formatDate(r.birthDate) })}
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "state",
      header: t("campaigns.registrations.state"),
      cell: (r) => <RegistrationStateTag state={r.state} needsConfirmation={r.needsConfirmation} />,
    },
    {
      key: "suggestions",
      header: t("matching.suggestions"),
      cell: (r) => <Suggestions registration={r} pending={pending} onMatch={(rowId) => onMatch(r, rowId)} />,
    },
  ];

  return (
    <Page
      title={t("matching.title")}
      lead={<Paragraph>{t("matching.lead", { name: campaign.data?.name ?? "" })}</Paragraph>}
    >
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to={`/registrering/kampanjer/${id}`}>{t("matching.back")}</Link>
        </DsLink>
      </Paragraph>
      <div className="matching-columns">
        <section aria-labelledby="matching-registrations-heading">
          <Heading level={2} data-size="sm" id="matching-registrations-heading">
            {t("matching.registrationsHeading")}
          </Heading>
          <Paragraph data-size="sm" aria-live="polite">
            {t("matching.rowsCount", {
              shown: view.data?.registrations.items.length ?? 0,
              total: view.data?.registrations.total ?? 0,
            })}
          </Paragraph>
          <ListTable
            rows={view.data?.registrations.items ?? []}
            rowKey={(r) => r.id}
            columns={columns}
            defaultSort="name"
            searchLabel={t("matching.search")}
            searchText={(r) => [r.firstName, r.lastName, r.email]}
            caption={{ id: "matching-caption", text: t("matching.registrationsHeading") }}
            load={{ isPending: view.isPending, error: view.error, retry: () => void view.refetch() }}
            empty={<Paragraph>{t("matching.empty")}</Paragraph>}
            showCount={false}
            // One page turns both lists: the pager counts the longer.
            server={{ total: Math.max(view.data?.registrations.total ?? 0, view.data?.rows.total ?? 0) }}
            actions={(r) => (
              <RowActions>
                {r.needsConfirmation ? (
                  <Button
                    variant="secondary"
                    data-size="sm"
                    disabled={pending}
                    aria-label={t("campaigns.registrations.confirmNamed", { name: rowName(r) })}
                    onClick={() =>
                      confirm.mutate(r.id, {
                        onSuccess: () => announce(t("campaigns.registrations.confirmed", { name: rowName(r) })),
                        onError: (e) => announce(errorMessage(t, e)),
                      })
                    }
                  >
                    {t("campaigns.registrations.confirm")}
                  </Button>
                ) : (
                  <ManualMatch registration={r} rows={rows} pending={pending} onMatch={(rowId) => onMatch(r, rowId)} />
                )}
              </RowActions>
            )}
          />
        </section>
        <section aria-labelledby="matching-rows-heading">
          <Heading level={2} data-size="sm" id="matching-rows-heading">
            {t("matching.rowsHeading")}
          </Heading>
          <Paragraph data-size="sm">
            {t("matching.rowsCount", { shown: rows.length, total: view.data?.rows.total ?? 0 })}
          </Paragraph>
          {rows.length > 0 ? (
            <TableScroller labelledBy="matching-rows-heading">
              <Table zebra data-size="sm">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t("campaigns.registrations.name")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("campaigns.registrations.email")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("campaigns.missing.sheet")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("campaigns.missing.start")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((row) => (
                    <Table.Row key={row.rowId}>
                      <Table.Cell>{rowName(row)}</Table.Cell>
                      <Table.Cell>{row.email ?? "–"}</Table.Cell>
                      <Table.Cell>{row.sheetName}</Table.Cell>
                      <Table.Cell>{row.placementStart ? formatDate(row.placementStart) : "–"}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroller>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
