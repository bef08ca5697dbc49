import { Alert, Button, Link as DsLink, Field, Label, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Overview } from "../../../../contracts/overviews.ts";
import { allowsTrustWide, heldForInstitution } from "../../../../contracts/policies.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { useOverviews } from "../../../api/listOverviews.ts";
import { useProgrammes } from "../../../api/listProgrammes.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import type { AnnounceState } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { compareText, matchesSearch } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import { DeadlineTag } from "../components/DeadlineTag.tsx";
import { NewOverviewForm } from "../components/NewOverviewForm.tsx";
import "../overviews.css";

const columns = ["name", "institution", "deadline", "problems"] as const;
const urgency: Record<string, number> = { late: 0, due_soon: 1, on_time: 2, submitted_late: 3, submitted: 4 };

/**
 * `?vis=`: the documents behind the start page's numbers — those with a sheet whose deadline is
 * near or passed and not yet submitted, or with rows that have problems.
 */
const shows = { frist: "due", feil: "problems" } as const;
type Show = (typeof shows)[keyof typeof shows];
const showFilters: Record<Show, (o: Overview) => boolean> = {
  due: (o) => o.sheets.some((s) => s.deadlineState === "due_soon" || s.deadlineState === "late"),
  problems: (o) => o.sheets.some((s) => s.problemRowCount > 0),
};

export function OverviewsPage() {
  const me = useSession();
  const allowed = may(me, "overviews.read");
  return (
    <AccessGate allowed={allowed}>
      <Overviews />
    </AccessGate>
  );
}

/** The earliest deadline still open (or the latest sheet's state), for sorting by what needs work first. */
function nextDeadline(o: Overview): string {
  const open = o.sheets.filter((s) => !s.submittedAt).sort((a, b) => a.deadline.localeCompare(b.deadline));
  return open[0]?.deadline ?? `9999-${o.sheets.length}`;
}

function Overviews() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  // A coordinator only (no role that sees the whole trust) works in their own institution's documents.
  const isCoordinator = may(me, "overviews.read") && !allowsTrustWide(me.roles, "overviews.read");
  const ownInstitutionId = isCoordinator
    ? (me.memberships.find((m) => m.trustId === me.activeTrust?.id && heldForInstitution(m.role))?.institutionId ??
      null)
    : null;
  const [params, setParams] = useSearchParams();
  const institutionFilter = isCoordinator ? null : params.get("institusjon");
  const showParam = params.get("vis") ?? "";
  const show: Show | null = Object.hasOwn(shows, showParam) ? shows[showParam as keyof typeof shows] : null;
  const overviews = useOverviews(institutionFilter);
  const institutions = useInstitutions(!isCoordinator);
  const programmes = useProgrammes();
  const list = useListParams(columns, "name");
  const [creating, setCreating] = useState(false);

  const all = overviews.data ?? [];
  const filtered = all.filter(
    (o) =>
      (!show || showFilters[show](o)) &&
      matchesSearch(list.query, o.name, o.group.institutionShortName, o.group.programmeName, String(o.group.cohort)),
  );
  const sorted = useSorted(
    filtered,
    (o: Overview) =>
      list.sort === "institution"
        ? `${o.group.institutionShortName} ${o.name}`
        : list.sort === "deadline"
          ? nextDeadline(o)
          : list.sort === "problems"
            ? o.sheets.reduce((n, s) => n + s.problemRowCount, 0)
            : o.name,
    list.direction,
  );

  const setParam = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <Page
      title={t("overviews.title")}
      lead={<Paragraph>{t(isCoordinator ? "overviews.leadCoordinator" : "overviews.lead")}</Paragraph>}
    >
      <div className="toolbar">
        <div className="toolbar-fields">
          <SearchField label={t("overviews.search")} value={list.query} onChange={list.setQuery} />
          {!isCoordinator ? (
            <Field className="filter-field">
              <Label htmlFor="overview-institution">{t("overviews.institutionFilter")}</Label>
              <Select
                id="overview-institution"
                value={institutionFilter ?? ""}
                onChange={(e) => setParam("institusjon", e.target.value)}
              >
                <Select.Option value="">{t("overviews.allInstitutions")}</Select.Option>
                {[...(institutions.data ?? [])]
                  .sort((a, b) => compareText(a.name, b.name))
                  .map((i) => (
                    <Select.Option key={i.id} value={i.id}>
                      {i.name} ({i.shortName})
                    </Select.Option>
                  ))}
              </Select>
            </Field>
          ) : null}
          <Field className="filter-field">
            <Label htmlFor="overview-show">{t("overviews.show.label")}</Label>
            <Select id="overview-show" value={show ? showParam : ""} onChange={(e) => setParam("vis", e.target.value)}>
              <Select.Option value="">{t("overviews.show.all")}</Select.Option>
              {Object.entries(shows).map(([param, key]) => (
                <Select.Option key={param} value={param}>
                  {t(`overviews.show.${key}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="button-row">
          <Button onClick={() => setCreating(true)}>{t("overviews.newOverview.open")}</Button>
          <Button variant="secondary" asChild>
            <a href="/api/templates/overview.xlsx" download>
              {t("overviews.templates.norwegian")}
            </a>
          </Button>
        </div>
      </div>

      {overviews.isPending ? (
        <Loading />
      ) : overviews.error ? (
        <LoadError error={overviews.error} onRetry={() => void overviews.refetch()} />
      ) : all.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>
            {institutionFilter
              ? t("overviews.emptyInstitution")
              : isCoordinator
                ? t("overviews.emptyCoordinator")
                : t("overviews.empty")}
          </Paragraph>
          <div className="button-row">
            <Button data-size="sm" onClick={() => setCreating(true)}>
              {t("overviews.newOverview.open")}
            </Button>
            <DsLink href="/api/templates/overview.xlsx" download>
              {t("overviews.templates.downloadNorwegian")}
            </DsLink>
            <DsLink href="/api/templates/international.xlsx" download>
              {t("overviews.templates.downloadInternational")}
            </DsLink>
          </div>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t("common.showing", { shown: sorted.length, total: all.length })}
          </Paragraph>
          {sorted.length === 0 ? (
            <Paragraph>
              {list.query ? t("common.noMatches", { query: list.query }) : t("overviews.show.none")}
            </Paragraph>
          ) : (
            <TableScroller labelledBy="overviews-caption">
              <Table zebra data-size="sm">
                <caption id="overviews-caption" className="ds-sr-only">
                  {t("overviews.caption")}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <SortableHeader sort={list.ariaSort("name")} onSort={() => list.toggleSort("name")}>
                      {t("overviews.columnsList.name")}
                    </SortableHeader>
                    <SortableHeader sort={list.ariaSort("institution")} onSort={() => list.toggleSort("institution")}>
                      {t("overviews.columnsList.institution")}
                    </SortableHeader>
                    <SortableHeader sort={list.ariaSort("deadline")} onSort={() => list.toggleSort("deadline")}>
                      {t("overviews.columnsList.sheets")}
                    </SortableHeader>
                    <SortableHeader sort={list.ariaSort("problems")} onSort={() => list.toggleSort("problems")}>
                      {t("overviews.columnsList.problems")}
                    </SortableHeader>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {sorted.map((o) => {
                    const problems = o.sheets.reduce((n, s) => n + s.problemRowCount, 0);
                    const sheets = [...o.sheets].sort(
                      (a, b) =>
                        a.position - b.position || (urgency[a.deadlineState] ?? 0) - (urgency[b.deadlineState] ?? 0),
                    );
                    return (
                      <Table.Row key={o.id}>
                        <Table.Cell>
                          <DsLink asChild>
                            <Link to={`/oversikter/${o.id}`}>{o.name}</Link>
                          </DsLink>
                        </Table.Cell>
                        <Table.Cell>{o.group.institutionShortName}</Table.Cell>
                        <Table.Cell>
                          {sheets.length === 0 ? (
                            <span className="muted">{t("overviews.noSheetsShort")}</span>
                          ) : (
                            <ul className="sheet-states">
                              {sheets.map((s) => (
                                <li key={s.id}>
                                  <Link to={`/oversikter/${o.id}?ark=${s.id}`} className="sheet-link">
                                    <DeadlineTag state={s.deadlineState} prefix={s.name} deadline={s.deadline} />
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          {problems > 0 ? (
                            <span className="problem-count">{t("overviews.problemRows", { count: problems })}</span>
                          ) : (
                            <span className="muted">{t("overviews.noProblems")}</span>
                          )}
                        </Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </TableScroller>
          )}
        </>
      )}

      <FormDialog open={creating} title={t("overviews.newOverview.title")} onClose={() => setCreating(false)}>
        <NewOverviewForm
          institutions={institutions.data ?? []}
          ownInstitutionId={isCoordinator ? ownInstitutionId : null}
          programmes={programmes.data ?? []}
          existing={all}
          onCancel={() => setCreating(false)}
          onSaved={(overview) => {
            setCreating(false);
            navigate(`/oversikter/${overview.id}`, {
              state: { announce: t("overviews.newOverview.created", { name: overview.name }) } satisfies AnnounceState,
            });
          }}
        />
      </FormDialog>
    </Page>
  );
}
