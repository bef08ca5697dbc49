import { Button, Link as DsLink, Paragraph, Table } from "@digdir/designsystemet-react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { AuditEvent } from "../../../../contracts/audit.ts";
import { isIsoDate } from "../../../../domain/dates.ts";
import { useUsers } from "../../../api/listUsers.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { isLanguage } from "../../../i18n/i18n.ts";
import { formatDateTime, osloStartOfDay } from "../../../lib/dateTime.ts";
import { may, useSession } from "../../../lib/session.ts";
import { auditExportUrl } from "../api/exportAudit.ts";
import { type AuditFilter, useAuditLog } from "../api/listAudit.ts";
import { AuditFilters, type AuditFilterValues } from "../components/AuditFilters.tsx";
import { actionName, entityName, fieldName, recordDetails, recordName } from "../components/auditCodes.ts";
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
    <AccessGate allowed={may(me, "audit.read")}>
      <AuditLog />
    </AccessGate>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
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
    // Calendar days in Oslo: from the start of "from" up to (not including) the day after "to". A
    // date in the URL that is not one filters nothing (the field says what is wrong with it).
    from: (isIsoDate(values.from) && osloStartOfDay(values.from)) || undefined,
    to: (isIsoDate(values.to) && osloStartOfDay(values.to, 1)) || undefined,
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
          <div className="audit-summary">
            <Paragraph data-size="sm" aria-live="polite">
              {log.hasNextPage
                ? t("audit.showingMore", { count: events.length })
                : t("audit.showingAll", { count: events.length })}
            </Paragraph>
            <div className="audit-download">
              <Button variant="secondary" data-size="sm" asChild>
                <a
                  href={auditExportUrl(filter, isLanguage(i18n.language) ? i18n.language : "nb")}
                  download
                  aria-describedby="audit-download-hint"
                >
                  {t("audit.download")}
                </a>
              </Button>
              <Paragraph data-size="xs" id="audit-download-hint" className="muted">
                {t("audit.downloadHint")}
              </Paragraph>
            </div>
          </div>
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
                    <Table.Cell>
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </Table.Cell>
                    <Table.Cell>
                      {e.actor ? (
                        <>
                          {e.actor.name}
                          <br />
                          <span className="muted">
                            <Breakable text={e.actor.email} />
                          </span>
                        </>
                      ) : (
                        <span className="muted">{t("audit.system")}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>{actionName(t, e.action)}</Table.Cell>
                    <Table.Cell>{entityName(t, e.entity)}</Table.Cell>
                    <Table.Cell>
                      <RecordCell event={e} link={recordLink(e.entity, e.entityId)} />
                    </Table.Cell>
                    <Table.Cell>
                      {e.fields.length === 0 ? (
                        <span className="muted">–</span>
                      ) : (
                        e.fields.map((f) => fieldName(t, f)).join(", ")
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

/**
 * The record as people know it, linked to everything that happened to it: "Kari Nordmann" with
 * "HVL Sykepleie kull 2024 · Periode 1" below; a deleted record by its id.
 */
function RecordCell({ event, link }: { event: AuditEvent; link: string }) {
  const { t } = useTranslation();
  const { record } = event;
  const what = entityName(t, event.entity);
  const details = recordDetails(t, record);
  if (record.state === "gone") {
    return (
      <>
        <span className="muted">{t("audit.gone")}</span>
        <br />
        <DsLink asChild>
          <Link to={link} className="record-id" aria-label={t("audit.recordLink", { what, name: event.entityId })}>
            {t("audit.goneId", { id: event.entityId })}
          </Link>
        </DsLink>
      </>
    );
  }
  const name = recordName(t, record);
  return (
    <>
      <DsLink asChild>
        <Link to={link} aria-label={t("audit.recordLink", { what, name })}>
          {name}
        </Link>
      </DsLink>
      {details.length > 0 ? (
        <>
          <br />
          <span className="muted">
            <Breakable text={details.join(" · ")} />
          </span>
        </>
      ) : null}
    </>
  );
}

/** Text that may break before an "@": an e-mail address wraps as "koordinator.uib" / "@demo.test". */
function Breakable({ text }: { text: string }) {
  const [first, ...rest] = text.split("@");
  return (
    <>
      {first}
      {rest.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
        <Fragment key={i}>
          <wbr />@{part}
        </Fragment>
      ))}
    </>
  );
}
