import { Button, Link as DsLink, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { AccessProfile } from "../../../../contracts/access-profiles.ts";
import { useProfessions } from "../../../api/listProfessions.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useAccessProfiles } from "../api/listAccessProfiles.ts";
import { useClinicalSystems } from "../api/listClinicalSystems.ts";
import { AccessProfileForm } from "../components/AccessProfileForm.tsx";
import { ArchivedTag } from "../components/ArchivedTag.tsx";
import { StatusFilter, useStatusFilter } from "../components/StatusFilter.tsx";
import "../clinicalSystems.css";
import { PROFILES_PATH } from "../lib/paths.ts";

const sortable = ["profession", "version", "updated"] as const;

/** `/admin/tilgangsprofiler`: one access profile per profession, with its current version. */
export function AccessProfilesPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "accessProfiles.manage")}>
      <AccessProfiles />
    </AccessGate>
  );
}

function AccessProfiles() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useStatusFilter();
  const systemId = params.get("system") ?? "";
  const query = useServerListQuery(sortable, "profession");
  const profiles = useAccessProfiles({ ...query, status, systemId: systemId || undefined });
  const systems = useClinicalSystems({ status: "all", sort: "name", limit: 200 });
  const current = useAccessProfiles({ status: "active", limit: 200 });
  const professions = useProfessions();
  const { dialog, open, close } = useDialog<{ kind: "new" }>();
  const taken = new Set((current.data?.items ?? []).map((p) => p.professionId));

  const setSystem = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("system", value);
        else next.delete("system");
        next.delete("side");
        return next;
      },
      { replace: true },
    );

  const columns: ListColumn<AccessProfile, (typeof sortable)[number] | "items">[] = [
    {
      key: "profession",
      header: t("accessProfiles.profession"),
      cell: (p) => (
        <span className="name-with-tag">
          <DsLink asChild>
            <Link to={`${PROFILES_PATH}/${p.id}`}>{p.professionName}</Link>
          </DsLink>
          {p.archived ? <ArchivedTag /> : null}
        </span>
      ),
      sortValue: (p) => p.professionName,
    },
    {
      key: "version",
      header: t("accessProfiles.version"),
      cell: (p) => p.current.version,
      sortValue: (p) => p.current.version,
    },
    {
      key: "items",
      header: t("accessProfiles.items"),
      cell: (p) => (
        <ul className="plain-list">
          {p.current.items.map((i) => (
            <li key={i.systemId}>
              {i.systemName}: {i.role}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: "updated",
      header: t("accessProfiles.updated"),
      cell: (p) => formatDate(p.updatedAt),
      sortValue: (p) => p.updatedAt,
    },
  ];
  const filtered = status !== "active" || systemId !== "";

  return (
    <Page title={t("accessProfiles.title")} lead={<Paragraph>{t("accessProfiles.lead")}</Paragraph>}>
      <ListTable
        rows={profiles.data?.items ?? []}
        rowKey={(p) => p.id}
        columns={columns}
        defaultSort="profession"
        searchLabel={t("accessProfiles.search")}
        searchText={(p) => [p.professionName, ...p.current.items.map((i) => i.systemName)]}
        toolbarEnd={
          <>
            <Field className="access-filter">
              <Label htmlFor="profiles-system">{t("accessProfiles.filterSystem")}</Label>
              <Select id="profiles-system" value={systemId} onChange={(e) => setSystem(e.target.value)}>
                <Select.Option value="">{t("accessProfiles.allSystems")}</Select.Option>
                {(systems.data?.items ?? []).map((s) => (
                  <Select.Option key={s.id} value={s.id}>
                    {s.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <StatusFilter id="profiles-status" status={status} onChange={setStatus} />
            <Button onClick={() => open({ kind: "new" })}>{t("accessProfiles.new")}</Button>
          </>
        }
        caption={{ id: "profiles-caption", text: t("accessProfiles.caption") }}
        load={{ isPending: profiles.isPending, error: profiles.error, retry: () => void profiles.refetch() }}
        empty={<Paragraph>{filtered ? t("accessProfiles.noneFiltered") : t("accessProfiles.empty")}</Paragraph>}
        server={{ total: profiles.data?.total ?? 0 }}
      />
      <FormDialog open={dialog?.kind === "new"} title={t("accessProfiles.new")} onClose={close}>
        <AccessProfileForm
          professions={(professions.data ?? []).filter((p) => !taken.has(p.id))}
          onCancel={close}
          onSaved={(saved) => {
            close();
            void navigate(`${PROFILES_PATH}/${saved.id}`, {
              state: { announce: t("accessProfiles.created", { name: saved.professionName }) },
            });
          }}
        />
      </FormDialog>
    </Page>
  );
}
