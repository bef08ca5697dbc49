import { Alert, Button, Link as DsLink, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Overview } from "../../../../contracts/overviews.ts";
import { allowsTrustWide, heldForInstitution } from "../../../../contracts/policies.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { useOverviews } from "../../../api/listOverviews.ts";
import { useProgrammes } from "../../../api/listProgrammes.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import type { AnnounceState } from "../../../components/StatusMessage.tsx";
import { compareText } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { DeadlineTag } from "../components/DeadlineTag.tsx";
import { NewOverviewForm } from "../components/NewOverviewForm.tsx";
import "../overviews.css";

const sortable = ["name", "institution", "deadline", "problems"] as const;
type SortKey = (typeof sortable)[number];
const urgency: Record<string, number> = { late: 0, due_soon: 1, on_time: 2, submitted_late: 3, submitted: 4 };

/**
 * `?vis=`: the documents behind the start page's numbers — those with a sheet whose deadline is
 * near or passed and not yet submitted, or with rows that have problems (the server filters).
 */
const shows = { frist: "due", feil: "problems" } as const;
type Show = (typeof shows)[keyof typeof shows];

export function OverviewsPage() {
  const me = useSession();
  const allowed = may(me, "overviews.read");
  return (
    <AccessGate allowed={allowed}>
      <Overviews />
    </AccessGate>
  );
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
  const query = useServerListQuery(sortable, "name");
  const overviews = useOverviews({ ...query, institutionId: institutionFilter ?? undefined, show: show ?? undefined });
  const institutions = useInstitutions(!isCoordinator);
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);

  // A new filter starts again on page 1.
  const setParam = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete("side");
        return next;
      },
      { replace: true },
    );

  const columns: ListColumn<Overview, SortKey>[] = [
    {
      key: "name",
      header: t("overviews.columnsList.name"),
      cell: (o) => (
        <DsLink asChild>
          <Link to={`/oversikter/${o.id}`}>{o.name}</Link>
        </DsLink>
      ),
      sortValue: (o) => o.name,
    },
    {
      key: "institution",
      header: t("overviews.columnsList.institution"),
      cell: (o) => o.group.institutionShortName,
      sortValue: (o) => o.group.institutionShortName,
    },
    {
      key: "deadline",
      header: t("overviews.columnsList.sheets"),
      cell: (o) => <SheetStates overview={o} />,
      sortValue: (o) => o.sheets.find((s) => !s.submittedAt)?.deadline,
    },
    {
      key: "problems",
      header: t("overviews.columnsList.problems"),
      cell: (o) => {
        const problems = problemsOf(o);
        return problems > 0 ? (
          <span className="problem-count">{t("overviews.problemRows", { count: problems })}</span>
        ) : (
          <span className="muted">{t("overviews.noProblems")}</span>
        );
      },
      sortValue: problemsOf,
    },
  ];

  const templates = (
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
  );
  const empty = show ? (
    <Paragraph>{t("overviews.show.none")}</Paragraph>
  ) : (
    <Alert data-color="info">
      <Paragraph>
        {institutionFilter
          ? t("overviews.emptyInstitution")
          : isCoordinator
            ? t("overviews.emptyCoordinator")
            : t("overviews.empty")}
      </Paragraph>
      {templates}
    </Alert>
  );

  return (
    <Page
      title={t("overviews.title")}
      lead={<Paragraph>{t(isCoordinator ? "overviews.leadCoordinator" : "overviews.lead")}</Paragraph>}
    >
      <ListTable
        rows={overviews.data?.items ?? []}
        rowKey={(o) => o.id}
        columns={columns}
        defaultSort="name"
        searchLabel={t("overviews.search")}
        searchText={() => []}
        toolbarEnd={
          <>
            <div className="toolbar-fields">
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
                <Select
                  id="overview-show"
                  value={show ? showParam : ""}
                  onChange={(e) => setParam("vis", e.target.value)}
                >
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
          </>
        }
        caption={{ id: "overviews-caption", text: t("overviews.caption") }}
        load={{ isPending: overviews.isPending, error: overviews.error, retry: () => void overviews.refetch() }}
        empty={empty}
        server={{ total: overviews.data?.total ?? 0 }}
      />

      <FormDialog open={creating} title={t("overviews.newOverview.title")} onClose={() => setCreating(false)}>
        <NewOverviewForm
          institutions={institutions.data ?? []}
          ownInstitutionId={isCoordinator ? ownInstitutionId : null}
          programmes={programmes.data ?? []}
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

/** The document's rows with errors, over all its sheets. */
const problemsOf = (o: Overview) => o.sheets.reduce((n, s) => n + s.problemRowCount, 0);

/** Each sheet's deadline state, linking to the sheet, in the document's order. */
function SheetStates({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  if (overview.sheets.length === 0) return <span className="muted">{t("overviews.noSheetsShort")}</span>;
  const sheets = [...overview.sheets].sort(
    (a, b) => a.position - b.position || (urgency[a.deadlineState] ?? 0) - (urgency[b.deadlineState] ?? 0),
  );
  return (
    <ul className="sheet-states">
      {sheets.map((s) => (
        <li key={s.id}>
          <Link to={`/oversikter/${overview.id}?ark=${s.id}`} className="sheet-link">
            <DeadlineTag state={s.deadlineState} prefix={s.name} deadline={s.deadline} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
