import { Alert, Button, Checkbox, Field, Label, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { DeactivationItem } from "../../../../contracts/deactivations.ts";
import { itProviderRole } from "../../../../contracts/policies.ts";
import { parseDate } from "../../../../domain/dates.ts";
import { deactivationReasons } from "../../../../domain/order-lines.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { isApiError } from "../../../lib/api.ts";
import { saveFile } from "../../../lib/download.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDeactivations, useExportDeactivations } from "../api/listDeactivations.ts";
import { useMarkDeactivated } from "../api/markDeactivated.ts";
import "../deactivations.css";

const sortable = ["from", "name", "system", "trust", "reason"] as const;
const states = ["to_deactivate", "deactivated"] as const;
type State = (typeof states)[number];
/** The URL's names of the filters. */
const param = {
  trust: "foretak",
  institution: "institusjon",
  reason: "aarsak",
  state: "status",
  from: "fra",
  to: "til",
} as const;

/** `/deaktivering`: the lines whose access must end, for the IT provider (across the trusts it serves) and FOU. */
export function DeactivationsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "deactivations.read")}>
      <Deactivations />
    </AccessGate>
  );
}

/** A date typed as dd.mm.yyyy, kept in the URL as an ISO date once it is one. */
function DateFilter(props: { id: string; label: string; value: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(props.value ? formatDate(props.value) : "");
  const parsed = typed.trim() ? parseDate(typed) : "";
  return (
    <Textfield
      id={props.id}
      className="deactivations-filter"
      label={props.label}
      value={typed}
      inputMode="numeric"
      placeholder="dd.mm.åååå"
      error={parsed === null ? t("deactivations.filters.badDate") : undefined}
      onChange={(e) => {
        setTyped(e.target.value);
        const next = e.target.value.trim() ? parseDate(e.target.value) : "";
        if (next !== null) props.onChange(next);
      }}
    />
  );
}

/** A refused marking in words, with the lines already deactivated or not on the list by name. */
function MarkError({ error, items }: { error: unknown; items: readonly DeactivationItem[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines =
    isApiError(error) && Array.isArray(error.details?.lines) ? (error.details.lines as { id: string }[]) : [];
  const byId = new Map(items.map((i) => [i.lineId, i]));
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorMessage(t, error)}</Paragraph>
      {lines.length > 0 ? (
        <ul>
          {lines.map((l) => {
            const item = byId.get(l.id);
            return <li key={l.id}>{item ? `${item.firstName} ${item.lastName}, ${item.system.name}` : l.id}</li>;
          })}
        </ul>
      ) : null}
    </Alert>
  );
}

function Deactivations() {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const canMark = may(me, "deactivations.mark");
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? "";
  const state: State = get(param.state) === "deactivated" ? "deactivated" : "to_deactivate";
  const reasonParam = get(param.reason);
  const reason = (deactivationReasons as readonly string[]).includes(reasonParam)
    ? (reasonParam as DeactivationItem["reason"])
    : undefined;
  const query = {
    ...useServerListQuery(sortable, "from"),
    trustId: get(param.trust) || undefined,
    institutionId: get(param.institution) || undefined,
    reason,
    state,
    from: get(param.from) || undefined,
    to: get(param.to) || undefined,
  };
  const list = useDeactivations(query);
  const institutions = useInstitutions();
  const mark = useMarkDeactivated();
  const download = useExportDeactivations();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = list.data?.items ?? [];
  const chosen = items.filter((i) => selected.has(i.lineId));
  const served = new Map(me.memberships.filter((m) => m.role === itProviderRole).map((m) => [m.trustId, m.trustName]));
  const selectable = canMark && state === "to_deactivate";

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
  const allShown = items.length > 0 && items.every((i) => selected.has(i.lineId));
  const name = (i: DeactivationItem) => `${i.lastName}, ${i.firstName}`;

  type Key = (typeof sortable)[number] | "select" | "institution" | "username" | "sheet" | "reference" | "done";
  const columns: ListColumn<DeactivationItem, Key>[] = [
    ...(selectable
      ? [
          {
            key: "select" as const,
            header: t("deactivations.columns.select"),
            cell: (i: DeactivationItem) => (
              <Checkbox
                aria-label={t("deactivations.selectNamed", { name: name(i), system: i.system.name })}
                checked={selected.has(i.lineId)}
                onChange={(e) => toggle(i.lineId, e.target.checked)}
              />
            ),
          },
        ]
      : []),
    { key: "name", header: t("deactivations.columns.name"), cell: name, sortValue: name },
    { key: "username", header: t("deactivations.columns.username"), cell: (i) => i.username ?? "–" },
    {
      key: "system",
      header: t("deactivations.columns.system"),
      cell: (i) => `${i.system.name}: ${i.role}`,
      sortValue: (i) => i.system.name,
    },
    ...(served.size > 1
      ? [
          {
            key: "trust" as const,
            header: t("deactivations.columns.trust"),
            cell: (i: DeactivationItem) => i.trust.name,
          },
        ]
      : []),
    { key: "institution", header: t("deactivations.columns.institution"), cell: (i) => i.institution.shortName },
    { key: "sheet", header: t("deactivations.columns.sheet"), cell: (i) => i.sheetName },
    { key: "reference", header: t("deactivations.columns.reference"), cell: (i) => i.reference ?? "–" },
    {
      key: "reason",
      header: t("deactivations.columns.reason"),
      cell: (i) => (
        <span>
          {t(`deactivations.reasons.${i.reason}`)}
          {i.note ? <span className="deactivations-note">{i.note}</span> : null}
        </span>
      ),
      sortValue: (i) => i.reason,
    },
    {
      key: "from",
      header: t("deactivations.columns.from"),
      cell: (i) => formatDate(i.deactivateFrom),
      sortValue: (i) => i.deactivateFrom,
    },
    ...(state === "deactivated"
      ? [
          {
            key: "done" as const,
            header: t("deactivations.columns.done"),
            cell: (i: DeactivationItem) =>
              i.deactivatedAt
                ? `${formatDate(i.deactivatedAt.slice(0, 10))}${i.deactivatedBy ? `, ${i.deactivatedBy.name}` : ""}`
                : "–",
          },
        ]
      : []),
  ];

  const select = (id: string, label: string, name: string, options: [string, string][], all?: string) => (
    <Field className="deactivations-filter">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={get(name)} onChange={(e) => setFilter(name, e.target.value)}>
        {all !== undefined ? <Select.Option value="">{all}</Select.Option> : null}
        {options.map(([value, text]) => (
          <Select.Option key={value} value={value}>
            {text}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  const save = (format: "xlsx" | "csv") =>
    download.mutate(
      { query: { ...query, q: query.q }, format },
      { onSuccess: (file) => saveFile(file), onError: (e) => announce(errorMessage(t, e)) },
    );

  return (
    <Page title={t("deactivations.title")} lead={<Paragraph>{t("deactivations.lead")}</Paragraph>}>
      <div className="deactivations-filters">
        {served.size > 1
          ? select(
              "deactivations-trust",
              t("deactivations.filters.trust"),
              param.trust,
              [...served],
              t("deactivations.filters.allTrusts"),
            )
          : null}
        {select(
          "deactivations-institution",
          t("deactivations.filters.institution"),
          param.institution,
          (institutions.data ?? []).map((i) => [i.id, i.shortName]),
          t("deactivations.filters.allInstitutions"),
        )}
        {select(
          "deactivations-reason",
          t("deactivations.filters.reason"),
          param.reason,
          deactivationReasons.map((r) => [r, t(`deactivations.reasons.${r}`)]),
          t("deactivations.filters.allReasons"),
        )}
        <Field className="deactivations-filter">
          <Label htmlFor="deactivations-state">{t("deactivations.filters.state")}</Label>
          <Select
            id="deactivations-state"
            value={state}
            onChange={(e) => setFilter(param.state, e.target.value === "to_deactivate" ? "" : e.target.value)}
          >
            {states.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`deactivations.states.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <DateFilter
          id="deactivations-from"
          label={t("deactivations.filters.from")}
          value={get(param.from)}
          onChange={(v) => setFilter(param.from, v)}
        />
        <DateFilter
          id="deactivations-to"
          label={t("deactivations.filters.to")}
          value={get(param.to)}
          onChange={(v) => setFilter(param.to, v)}
        />
      </div>
      <div className="deactivations-actions button-row">
        {selectable ? (
          <>
            <Checkbox
              label={t("deactivations.selectAll")}
              checked={allShown}
              disabled={items.length === 0}
              onChange={(e) => {
                const on = e.target.checked;
                setSelected((prev) => {
                  const next = new Set(prev);
                  for (const i of items) {
                    if (on) next.add(i.lineId);
                    else next.delete(i.lineId);
                  }
                  return next;
                });
              }}
            />
            <Paragraph data-size="sm" aria-live="polite">
              {t("deactivations.selected", { count: chosen.length })}
            </Paragraph>
            <Button
              disabled={chosen.length === 0}
              loading={mark.isPending}
              onClick={() =>
                mark.mutate(
                  { lineIds: chosen.map((i) => i.lineId) },
                  {
                    onSuccess: (a) => {
                      setSelected(new Set());
                      announce(t("deactivations.marked", { count: a.updated }));
                    },
                  },
                )
              }
            >
              {t("deactivations.mark")}
            </Button>
          </>
        ) : null}
        <Button variant="secondary" loading={download.isPending} onClick={() => save("xlsx")}>
          {t("deactivations.downloadXlsx")}
        </Button>
        <Button variant="secondary" loading={download.isPending} onClick={() => save("csv")}>
          {t("deactivations.downloadCsv")}
        </Button>
      </div>
      <MarkError error={mark.error} items={items} />
      <ListTable
        rows={items}
        rowKey={(i) => i.lineId}
        columns={columns}
        defaultSort="from"
        searchLabel={t("deactivations.search")}
        searchText={(i) => [i.lastName, i.firstName, i.username, i.reference]}
        caption={{ id: "deactivations-caption", text: t("deactivations.caption") }}
        load={{ isPending: list.isPending, error: list.error, retry: () => void list.refetch() }}
        empty={<Paragraph>{t(state === "deactivated" ? "deactivations.emptyDone" : "deactivations.empty")}</Paragraph>}
        server={{ total: list.data?.total ?? 0, onPageChange: () => setSelected(new Set()) }}
      />
    </Page>
  );
}
