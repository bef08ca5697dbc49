import { Button, Link as DsLink, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { formatDateTime, osloStartOfDay } from "../../../lib/dateTime.ts";
import { hasRole, useSession } from "../../../lib/session.ts";
import { type AuditFilter, useAuditLog } from "../api/listAudit.ts";
import { useUsers } from "../api/listUsers.ts";
import { AuditFilters, type AuditFilterValues } from "../components/AuditFilters.tsx";
import { actionName, entityName } from "../components/auditCodes.ts";
import "../audit.css";

/** The names of the filters in the URL (Norwegian, as people share the links). */
const urlNames: Record<keyof AuditFilterValues, string> = {
  actorId: "hvem",
  entity: "hva",
  action: "handling",
  entityId: "post",
  from: "fra",
  to: "til",
};

export function AuditLogPage() {
  const me = useSession();
  return (
    <AccessGate allowed={hasRole(me, "admin")}>
      <AuditLog />
    </AccessGate>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const values: AuditFilterValues = {
    actorId: params.get(urlNames.actorId) ?? "",
    entity: params.get(urlNames.entity) ?? "",
    action: params.get(urlNames.action) ?? "",
    entityId: params.get(urlNames.entityId) ?? "",
    from: params.get(urlNames.from) ?? "",
    to: params.get(urlNames.to) ?? "",
  };
  const filter: AuditFilter = {
    actorId: values.actorId || undefined,
    entity: values.entity || undefined,
    action: values.action || undefined,
    entityId: values.entityId || undefined,
    // Calendar days in Oslo: from the start of "from" up to (not including) the day after "to".
    from: osloStartOfDay(values.from) ?? undefined,
    to: osloStartOfDay(values.to, 1) ?? undefined,
  };
  const users = useUsers();
  const log = useAuditLog(filter);
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];
  const filtered = Object.values(values).some(Boolean);

  function apply(next: AuditFilterValues) {
    const search = new URLSearchParams();
    for (const key of Object.keys(urlNames) as Array<keyof AuditFilterValues>) {
      if (next[key]) search.set(urlNames[key], next[key]);
    }
    setParams(search);
  }

  /** A link that shows everything that happened to one record. */
  const recordLink = (entity: string, id: string) => `?${new URLSearchParams({ hva: entity, post: id }).toString()}`;

  return (
    <Page title={t("audit.title")} lead={<Paragraph>{t("audit.lead")}</Paragraph>}>
      <AuditFilters key={params.toString()} value={values} users={users.data ?? []} onApply={apply} />

      {log.isPending ? (
        <Loading />
      ) : !log.data ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : events.length === 0 ? (
        <Paragraph>{filtered ? t("audit.noMatches") : t("audit.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {log.hasNextPage
              ? t("audit.showingMore", { count: events.length })
              : t("audit.showingAll", { count: events.length })}
          </Paragraph>
          <TableScroller labelledBy="audit-caption">
            <Table zebra data-size="sm" className="audit-table">
              <caption id="audit-caption" className="ds-sr-only">
                {t("audit.caption")}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("audit.at")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("audit.who")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("audit.action")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("audit.what")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("audit.record")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("audit.fields")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {events.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell className="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </Table.Cell>
                    <Table.Cell>
                      {e.actor ? (
                        <>
                          {e.actor.name}
                          <br />
                          <span className="muted">{e.actor.email}</span>
                        </>
                      ) : (
                        <span className="muted">{t("audit.system")}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>{actionName(t, e.action)}</Table.Cell>
                    <Table.Cell>{entityName(t, e.entity)}</Table.Cell>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link
                          to={recordLink(e.entity, e.entityId)}
                          className="record-id"
                          aria-label={t("audit.recordLink", { what: entityName(t, e.entity), id: e.entityId })}
                        >
                          {e.entityId}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>
                      {e.fields.length === 0 ? (
                        <span className="muted">–</span>
                      ) : (
                        <span className="field-names">{e.fields.join(", ")}</span>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroller>
          {log.hasNextPage ? (
            <div className="button-row">
              <Button
                variant="secondary"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
                disabled={log.isFetchingNextPage}
              >
                {t("audit.more")}
              </Button>
            </div>
          ) : null}
          {log.isFetchNextPageError ? <LoadError error={log.error} onRetry={() => void log.fetchNextPage()} /> : null}
        </>
      )}
    </Page>
  );
}
