import { Alert, Button, Checkbox, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  type LearningPortalItem,
  type LearningPortalListState,
  learningPortalListStates,
} from "../../../../contracts/learning-portal.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useLearningPortal } from "../api/listLearningPortal.ts";
import { useMarkLearningPortalCreated } from "../api/markLearningPortalCreated.ts";
import { LearningPortalStateTag } from "../components/LearningPortalStateTag.tsx";
import { SendBatchDialog } from "../components/SendBatchDialog.tsx";
import "../learningPortal.css";

const sortable = ["name", "start", "institution", "sheet", "state"] as const;
/** The URL's names of the filters. */
const param = { state: "status", institution: "institusjon" } as const;

/** `/laeringsportalen`: the students who need a Læringsportalen user made by hand (FOU; admins read). */
export function LearningPortalPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "learningPortal.read")}>
      <LearningPortal />
    </AccessGate>
  );
}

function LearningPortal() {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get(param.state) ?? "";
  const state = (learningPortalListStates as readonly string[]).includes(stateParam)
    ? (stateParam as LearningPortalListState)
    : undefined;
  const institutionId = params.get(param.institution) || undefined;
  const query = useServerListQuery(sortable, "start");
  const list = useLearningPortal({ ...query, state, institutionId });
  const institutions = useInstitutions();
  const mark = useMarkLearningPortalCreated();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  const sends = may(me, "learningPortal.send");
  const items = list.data?.items ?? [];
  const address = list.data?.address ?? null;
  const chosen = items.filter((i) => selected.has(i.personId));
  const toSend = chosen.filter((i) => i.state === "needed");
  const toMark = chosen.filter((i) => i.state !== "created");

  const setFilter = (name: string, value: string) => {
    setSelected(new Set());
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
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShown = items.length > 0 && items.every((i) => selected.has(i.personId));
  const name = (i: LearningPortalItem) => `${i.lastName}, ${i.firstName}`;

  const columns: ListColumn<
    LearningPortalItem,
    Exclude<(typeof sortable)[number], "institution"> | "select" | "email" | "home"
  >[] = [
    ...(sends
      ? [
          {
            key: "select" as const,
            header: t("learningPortal.columns.select"),
            cell: (i: LearningPortalItem) => (
              <Checkbox
                aria-label={t("learningPortal.selectNamed", { name: name(i) })}
                checked={selected.has(i.personId)}
                onChange={(e) => toggle(i.personId, e.target.checked)}
              />
            ),
          },
        ]
      : []),
    { key: "name", header: t("learningPortal.columns.name"), cell: name, sortValue: name },
    { key: "email", header: t("learningPortal.columns.email"), cell: (i) => i.email || "–" },
    { key: "home", header: t("learningPortal.columns.homeInstitution"), cell: (i) => i.homeInstitution || "–" },
    {
      key: "sheet",
      header: t("learningPortal.columns.sheet"),
      cell: (i) => (
        <span>
          <Link to={`/oversikter/${i.overviewId}?ark=${i.sheetId}`}>{i.sheetName}</Link>
          <span className="learning-portal-batch">{i.institution.shortName}</span>
        </span>
      ),
      sortValue: (i) => i.sheetName,
    },
    {
      key: "start",
      header: t("learningPortal.columns.period"),
      cell: (i) => `${formatDate(i.startDate)}–${formatDate(i.endDate)}`,
      sortValue: (i) => i.startDate,
    },
    {
      key: "state",
      header: t("learningPortal.columns.state"),
      cell: (i) => (
        <span>
          <LearningPortalStateTag state={i.state} />
          {i.batch ? (
            <span className="learning-portal-batch">
              {t("learningPortal.batch", { number: i.batch.number, date: formatDate(i.batch.sentAt.slice(0, 10)) })}
            </span>
          ) : null}
        </span>
      ),
      sortValue: (i) => i.state,
    },
  ];

  return (
    <Page title={t("learningPortal.title")} lead={<Paragraph>{t("learningPortal.lead")}</Paragraph>}>
      {list.data && address === null ? (
        <Alert data-color="warning" className="learning-portal-address">
          <Paragraph>{t("learningPortal.noAddress")}</Paragraph>
          <Paragraph>
            {may(me, "trust.settings") ? (
              <Link to="/admin/innstillinger">{t("learningPortal.noAddressLink")}</Link>
            ) : (
              t("learningPortal.noAddressAskAdmin")
            )}
          </Paragraph>
        </Alert>
      ) : null}
      {address ? (
        <Paragraph data-size="sm" className="learning-portal-address">
          {t("learningPortal.address", { address })}
        </Paragraph>
      ) : null}
      <div className="learning-portal-filters">
        <Field className="learning-portal-filter">
          <Label htmlFor="learning-portal-state">{t("learningPortal.filters.state")}</Label>
          <Select
            id="learning-portal-state"
            value={state ?? ""}
            onChange={(e) => setFilter(param.state, e.target.value)}
          >
            <Select.Option value="">{t("learningPortal.filters.allStates")}</Select.Option>
            {learningPortalListStates.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`overviews.learningPortal.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field className="learning-portal-filter">
          <Label htmlFor="learning-portal-institution">{t("learningPortal.filters.institution")}</Label>
          <Select
            id="learning-portal-institution"
            value={institutionId ?? ""}
            onChange={(e) => setFilter(param.institution, e.target.value)}
          >
            <Select.Option value="">{t("learningPortal.filters.allInstitutions")}</Select.Option>
            {(institutions.data ?? []).map((i) => (
              <Select.Option key={i.id} value={i.id}>
                {i.shortName}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {sends ? (
        <div className="learning-portal-actions button-row">
          <Checkbox
            label={t("learningPortal.selectAll")}
            checked={allShown}
            disabled={items.length === 0}
            onChange={(e) => {
              const on = e.target.checked;
              setSelected((prev) => {
                const next = new Set(prev);
                for (const i of items) {
                  if (on) next.add(i.personId);
                  else next.delete(i.personId);
                }
                return next;
              });
            }}
          />
          <Paragraph data-size="sm" aria-live="polite">
            {t("learningPortal.selected", { count: chosen.length })}
          </Paragraph>
          <Button disabled={toSend.length === 0 || address === null} onClick={() => setSending(true)}>
            {t("learningPortal.sendAction", { count: toSend.length })}
          </Button>
          <Button
            variant="secondary"
            disabled={toMark.length === 0}
            loading={mark.isPending}
            onClick={() =>
              mark.mutate(
                { personIds: toMark.map((i) => i.personId) },
                {
                  onSuccess: (answer) => {
                    setSelected(new Set());
                    announce(t("learningPortal.marked", { count: answer.created }));
                  },
                },
              )
            }
          >
            {t("learningPortal.markAction", { count: toMark.length })}
          </Button>
        </div>
      ) : null}
      {mark.error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorMessage(t, mark.error)}</Paragraph>
        </Alert>
      ) : null}
      <ListTable
        rows={items}
        rowKey={(i) => i.personId}
        columns={columns}
        defaultSort="start"
        searchLabel={t("learningPortal.search")}
        searchText={(i) => [i.lastName, i.firstName, i.email, i.homeInstitution, i.sheetName]}
        caption={{ id: "learning-portal-caption", text: t("learningPortal.caption") }}
        load={{ isPending: list.isPending, error: list.error, retry: () => void list.refetch() }}
        empty={<Paragraph>{t("learningPortal.empty")}</Paragraph>}
        server={{ total: list.data?.total ?? 0, onPageChange: () => setSelected(new Set()) }}
      />
      {address ? (
        <SendBatchDialog
          open={sending}
          address={address}
          people={toSend}
          onClose={() => setSending(false)}
          onDone={(batch) => {
            setSending(false);
            setSelected(new Set());
            announce(t("learningPortal.sent", { count: batch.personCount, number: batch.number, address }));
          }}
        />
      ) : null}
    </Page>
  );
}
