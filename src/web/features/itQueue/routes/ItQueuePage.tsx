import { Button, Checkbox, Field, Label, Paragraph, Select, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { OrderLine } from "../../../../contracts/orders.ts";
import { itProviderRole } from "../../../../contracts/policies.ts";
import { changeTypes } from "../../../../domain/order-lines.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { LineChange } from "../../../components/LineChange.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useApproveOrderLines } from "../api/approveOrderLines.ts";
import { useOrderLines } from "../api/listOrderLines.ts";
import { DateFilter } from "../components/DateFilter.tsx";
import { DecisionError } from "../components/DecisionError.tsx";
import { ImplementDialog } from "../components/ImplementDialog.tsx";
import { RejectDialog } from "../components/RejectDialog.tsx";
import "../itQueue.css";

const sortable = ["start", "name", "system", "trust", "state"] as const;
const stateFilters = ["open", "ordered", "approved", "implemented", "rejected", "all"] as const;
type StateFilter = (typeof stateFilters)[number];
/** The URL's names of the filters. */
const param = {
  trust: "foretak",
  institution: "institusjon",
  system: "system",
  from: "fra",
  to: "til",
  state: "status",
  changeType: "endring",
} as const;

/** `/ko`: the IT provider's queue of order lines, across every trust it serves. */
export function ItQueuePage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "orderLines.decide")}>
      <ItQueue />
    </AccessGate>
  );
}

function ItQueue() {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? "";
  const stateParam = get(param.state);
  const state: StateFilter = (stateFilters as readonly string[]).includes(stateParam)
    ? (stateParam as StateFilter)
    : "open";
  const query = useServerListQuery(sortable, "start");
  const lines = useOrderLines({
    ...query,
    trustId: get(param.trust) || undefined,
    institutionId: get(param.institution) || undefined,
    systemId: get(param.system) || undefined,
    from: get(param.from) || undefined,
    to: get(param.to) || undefined,
    state,
    changeType: (changeTypes as readonly string[]).includes(get(param.changeType))
      ? (get(param.changeType) as (typeof changeTypes)[number])
      : undefined,
  });
  const institutions = useInstitutions();
  const approve = useApproveOrderLines();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<"reject" | "implement" | null>(null);
  const [systems, setSystems] = useState<Map<string, string>>(new Map());
  const items = lines.data?.items ?? [];
  // The systems seen in the queue so far: the IT provider reads no list of the trusts' systems.
  if (items.some((l) => !systems.has(l.system.id)))
    setSystems(new Map([...systems, ...items.map((l) => [l.system.id, l.system.name] as const)]));
  const chosen = items.filter((l) => selected.has(l.id));
  const served = new Map(me.memberships.filter((m) => m.role === itProviderRole).map((m) => [m.trustId, m.trustName]));

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
  const allShown = items.length > 0 && items.every((l) => selected.has(l.id));
  const done = (key: string) => (count: number) => {
    setDialog(null);
    setSelected(new Set());
    announce(t(key, { count }));
  };
  const name = (l: OrderLine) => `${l.lastName}, ${l.firstName}`;

  type Key = (typeof sortable)[number] | "select" | "institution" | "username" | "change";
  const columns: ListColumn<OrderLine, Key>[] = [
    {
      key: "select",
      header: t("itQueue.columns.select"),
      cell: (l) => (
        <Checkbox
          aria-label={t("itQueue.selectNamed", { name: name(l), system: l.system.name })}
          checked={selected.has(l.id)}
          onChange={(e) => toggle(l.id, e.target.checked)}
        />
      ),
    },
    { key: "name", header: t("itQueue.columns.name"), cell: name, sortValue: name },
    { key: "trust", header: t("itQueue.columns.trust"), cell: (l) => l.trust.name, sortValue: (l) => l.trust.name },
    { key: "institution", header: t("itQueue.columns.institution"), cell: (l) => l.institution.shortName },
    {
      key: "system",
      header: t("itQueue.columns.system"),
      cell: (l) => `${l.system.name}: ${l.role}`,
      sortValue: (l) => l.system.name,
    },
    { key: "change", header: t("orders.changeType"), cell: (l) => <LineChange line={l} /> },
    {
      key: "start",
      header: t("itQueue.columns.validity"),
      cell: (l) => `${formatDate(l.validFrom)}–${formatDate(l.validTo)}`,
      sortValue: (l) => l.validFrom,
    },
    {
      key: "username",
      header: t("itQueue.columns.username"),
      cell: (l) =>
        l.username ? (
          <span className="it-queue-username">
            {l.username}
            {l.usernameVerified ? null : (
              <Tag data-color="warning" data-size="sm">
                {t("itQueue.unverified")}
              </Tag>
            )}
          </span>
        ) : (
          "–"
        ),
    },
    {
      key: "state",
      header: t("itQueue.columns.state"),
      cell: (l) => (
        <span>
          {t(`itQueue.states.${l.state}`)}
          {l.rejectReason ? <span className="it-queue-reason">{l.rejectReason}</span> : null}
        </span>
      ),
      sortValue: (l) => l.state,
    },
  ];

  const select = (id: string, label: string, name: string, options: [string, string][], all: string) => (
    <Field className="it-queue-filter">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={get(name)} onChange={(e) => setFilter(name, e.target.value)}>
        <Select.Option value="">{all}</Select.Option>
        {options.map(([value, text]) => (
          <Select.Option key={value} value={value}>
            {text}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <Page title={t("itQueue.title")} lead={<Paragraph>{t("itQueue.lead")}</Paragraph>}>
      <div className="it-queue-filters">
        {select("queue-trust", t("itQueue.filters.trust"), param.trust, [...served], t("itQueue.filters.allTrusts"))}
        {select(
          "queue-institution",
          t("itQueue.filters.institution"),
          param.institution,
          (institutions.data ?? []).map((i) => [i.id, i.shortName]),
          t("itQueue.filters.allInstitutions"),
        )}
        {select(
          "queue-system",
          t("itQueue.filters.system"),
          param.system,
          [...systems],
          t("itQueue.filters.allSystems"),
        )}
        {select(
          "queue-change",
          t("orders.changeType"),
          param.changeType,
          changeTypes.map((c) => [c, t(`orders.changeTypes.${c}`)]),
          t("itQueue.filters.allChangeTypes"),
        )}
        <DateFilter
          id="queue-from"
          label={t("itQueue.filters.from")}
          value={get(param.from)}
          onChange={(v) => setFilter(param.from, v)}
        />
        <DateFilter
          id="queue-to"
          label={t("itQueue.filters.to")}
          value={get(param.to)}
          onChange={(v) => setFilter(param.to, v)}
        />
        <Field className="it-queue-filter">
          <Label htmlFor="queue-state">{t("itQueue.filters.state")}</Label>
          <Select id="queue-state" value={state} onChange={(e) => setFilter(param.state, e.target.value)}>
            {stateFilters.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`itQueue.stateFilters.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="it-queue-actions button-row">
        <Checkbox
          label={t("itQueue.selectAll")}
          checked={allShown}
          disabled={items.length === 0}
          onChange={(e) => {
            const on = e.target.checked;
            setSelected((prev) => {
              const next = new Set(prev);
              for (const l of items) {
                if (on) next.add(l.id);
                else next.delete(l.id);
              }
              return next;
            });
          }}
        />
        <Paragraph data-size="sm" aria-live="polite">
          {t("itQueue.selected", { count: chosen.length })}
        </Paragraph>
        <Button
          disabled={chosen.length === 0}
          loading={approve.isPending}
          onClick={() =>
            approve.mutate(
              { lineIds: chosen.map((l) => l.id) },
              { onSuccess: (a) => done("itQueue.approved")(a.updated) },
            )
          }
        >
          {t("itQueue.approve")}
        </Button>
        <Button variant="secondary" disabled={chosen.length === 0} onClick={() => setDialog("implement")}>
          {t("itQueue.implementAction")}
        </Button>
        <Button
          variant="secondary"
          data-color="danger"
          disabled={chosen.length === 0}
          onClick={() => setDialog("reject")}
        >
          {t("itQueue.rejectAction")}
        </Button>
      </div>
      <DecisionError error={approve.error} lines={items} />
      <ListTable
        rows={items}
        rowKey={(l) => l.id}
        columns={columns}
        defaultSort="start"
        searchLabel={t("itQueue.search")}
        searchText={(l) => [l.lastName, l.firstName, l.email, l.system.name, l.username]}
        caption={{ id: "it-queue-caption", text: t("itQueue.caption") }}
        load={{ isPending: lines.isPending, error: lines.error, retry: () => void lines.refetch() }}
        empty={<Paragraph>{t("itQueue.empty")}</Paragraph>}
        server={{ total: lines.data?.total ?? 0, onPageChange: () => setSelected(new Set()) }}
      />
      <RejectDialog
        open={dialog === "reject"}
        lines={chosen}
        onClose={() => setDialog(null)}
        onDone={done("itQueue.rejected")}
      />
      <ImplementDialog
        open={dialog === "implement"}
        lines={chosen}
        onClose={() => setDialog(null)}
        onDone={done("itQueue.implemented")}
      />
    </Page>
  );
}
