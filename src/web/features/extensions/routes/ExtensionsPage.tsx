import { Alert, Button, Checkbox, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ExtensionItem } from "../../../../contracts/extensions.ts";
import { itProviderRole } from "../../../../contracts/policies.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { saveFile } from "../../../lib/download.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { downloadExtensions, useExtensions } from "../api/listExtensions.ts";
import { useMarkExtensions } from "../api/markExtensions.ts";

const sortable = ["end", "name", "system", "trust", "extended"] as const;
const states = ["extended", "done"] as const;
type State = (typeof states)[number];
/** The URL's names of the filters. */
const param = { trust: "foretak", institution: "institusjon", state: "status" } as const;

/** `/forlengelser`: the extension list, worked by the IT provider (marked done) and read by FOU. */
export function ExtensionsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "extensions.read")}>
      <Extensions />
    </AccessGate>
  );
}

function Extensions() {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) ?? "";
  const state: State = get(param.state) === "done" ? "done" : "extended";
  const query = useServerListQuery(sortable, "end");
  const filters = {
    ...query,
    trustId: get(param.trust) || undefined,
    institutionId: get(param.institution) || undefined,
    state,
  };
  const list = useExtensions(filters);
  const institutions = useInstitutions();
  const mark = useMarkExtensions();
  const canMark = may(me, "extensions.mark");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [downloading, setDownloading] = useState(false);
  const items = list.data?.items ?? [];
  const chosen = items.filter((l) => selected.has(l.lineId));
  const served = new Map(me.memberships.filter((m) => m.role === itProviderRole).map((m) => [m.trustId, m.trustName]));
  const name = (l: ExtensionItem) => `${l.lastName}, ${l.firstName}`;

  const setFilter = (key: string, value: string) => {
    setSelected(new Set());
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
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
  const allShown = items.length > 0 && items.every((l) => selected.has(l.lineId));
  const download = async (format: "xlsx" | "csv") => {
    setDownloading(true);
    try {
      saveFile(await downloadExtensions({ ...filters, format }));
    } catch (e) {
      announce(errorMessage(t, e));
    } finally {
      setDownloading(false);
    }
  };

  type Key = (typeof sortable)[number] | "select" | "institution" | "username" | "reference";
  const columns: ListColumn<ExtensionItem, Key>[] = [
    ...(canMark && state === "extended"
      ? [
          {
            key: "select" as const,
            header: t("extensions.columns.select"),
            cell: (l: ExtensionItem) => (
              <Checkbox
                aria-label={t("extensions.selectNamed", { name: name(l), system: l.system.name })}
                checked={selected.has(l.lineId)}
                onChange={(e) => toggle(l.lineId, e.target.checked)}
              />
            ),
          },
        ]
      : []),
    { key: "name", header: t("extensions.columns.name"), cell: name, sortValue: name },
    { key: "username", header: t("extensions.columns.username"), cell: (l) => l.username ?? "–" },
    { key: "trust", header: t("extensions.columns.trust"), cell: (l) => l.trust.name, sortValue: (l) => l.trust.name },
    { key: "institution", header: t("extensions.columns.institution"), cell: (l) => l.institution.shortName },
    {
      key: "system",
      header: t("extensions.columns.system"),
      cell: (l) => `${l.system.name}: ${l.role}`,
      sortValue: (l) => l.system.name,
    },
    { key: "reference", header: t("extensions.columns.reference"), cell: (l) => l.reference ?? "–" },
    {
      key: "end",
      header: t("extensions.columns.end"),
      cell: (l) =>
        l.extendedFrom
          ? t("extensions.fromTo", { from: formatDate(l.extendedFrom), to: formatDate(l.validTo) })
          : formatDate(l.validTo),
      sortValue: (l) => l.validTo,
    },
  ];

  const select = (id: string, label: string, key: string, options: [string, string][], all: string) => (
    <Field className="it-queue-filter">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={get(key)} onChange={(e) => setFilter(key, e.target.value)}>
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
    <Page title={t("extensions.title")} lead={<Paragraph>{t("extensions.lead")}</Paragraph>}>
      <div className="it-queue-filters">
        {served.size > 1
          ? select(
              "ext-trust",
              t("extensions.filters.trust"),
              param.trust,
              [...served],
              t("extensions.filters.allTrusts"),
            )
          : null}
        {select(
          "ext-institution",
          t("extensions.filters.institution"),
          param.institution,
          (institutions.data ?? []).map((i) => [i.id, i.shortName]),
          t("extensions.filters.allInstitutions"),
        )}
        <Field className="it-queue-filter">
          <Label htmlFor="ext-state">{t("extensions.filters.state")}</Label>
          <Select id="ext-state" value={state} onChange={(e) => setFilter(param.state, e.target.value)}>
            {states.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`extensions.states.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="it-queue-actions button-row">
        {canMark && state === "extended" ? (
          <>
            <Checkbox
              label={t("extensions.selectAll")}
              checked={allShown}
              disabled={items.length === 0}
              onChange={(e) => {
                const on = e.target.checked;
                setSelected((prev) => {
                  const next = new Set(prev);
                  for (const l of items) {
                    if (on) next.add(l.lineId);
                    else next.delete(l.lineId);
                  }
                  return next;
                });
              }}
            />
            <Paragraph data-size="sm" aria-live="polite">
              {t("extensions.selected", { count: chosen.length })}
            </Paragraph>
            <Button
              disabled={chosen.length === 0}
              loading={mark.isPending}
              onClick={() =>
                mark.mutate(
                  { lineIds: chosen.map((l) => l.lineId) },
                  {
                    onSuccess: (a) => {
                      setSelected(new Set());
                      announce(t("extensions.marked", { count: a.updated }));
                    },
                  },
                )
              }
            >
              {t("extensions.mark")}
            </Button>
          </>
        ) : null}
        <Button variant="secondary" loading={downloading} onClick={() => void download("xlsx")}>
          {t("extensions.downloadXlsx")}
        </Button>
        <Button variant="secondary" loading={downloading} onClick={() => void download("csv")}>
          {t("extensions.downloadCsv")}
        </Button>
      </div>
      {mark.error ? (
        <Alert data-color="danger">
          <Paragraph>{errorMessage(t, mark.error)}</Paragraph>
        </Alert>
      ) : null}
      <ListTable
        rows={items}
        rowKey={(l) => l.lineId}
        columns={columns}
        defaultSort="end"
        searchLabel={t("extensions.search")}
        searchText={(l) => [l.lastName, l.firstName, l.email, l.system.name, l.username, l.reference]}
        caption={{ id: "extensions-caption", text: t("extensions.caption") }}
        load={{ isPending: list.isPending, error: list.error, retry: () => void list.refetch() }}
        empty={<Paragraph>{t("extensions.empty")}</Paragraph>}
        server={{ total: list.data?.total ?? 0, onPageChange: () => setSelected(new Set()) }}
      />
    </Page>
  );
}
