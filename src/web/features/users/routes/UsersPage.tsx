import { Button, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../contracts/users.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { matchesSearch } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import { useInstitutions } from "../api/listInstitutions.ts";
import { useUsers } from "../api/listUsers.ts";
import { CreateUserForm } from "../components/CreateUserForm.tsx";
import { ManageUser } from "../components/ManageUser.tsx";

const columns = ["name", "email", "roles", "status"] as const;
type Column = (typeof columns)[number];

export function UsersPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "users.manage")}>
      <UsersAdmin />
    </AccessGate>
  );
}

function UsersAdmin() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const users = useUsers();
  const institutions = useInstitutions();
  const list = useListParams(columns, "name");
  const [creating, setCreating] = useState(false);
  const [managingId, setManagingId] = useState<string | null>(null);

  const roleText = (u: User) =>
    u.memberships
      .map((m) => (m.institutionShortName ? `${t(`roles.${m.role}`)} ${m.institutionShortName}` : t(`roles.${m.role}`)))
      .join(", ");

  const all = users.data ?? [];
  const filtered = all.filter((u) => matchesSearch(list.query, u.name, u.email, roleText(u)));
  const sorted = useSorted(
    filtered,
    (u: User) => {
      const by: Record<Column, string> = {
        name: u.name,
        email: u.email,
        roles: roleText(u),
        status: u.active ? t("users.active") : t("users.inactive"),
      };
      return by[list.sort];
    },
    list.direction,
  );
  const managing = all.find((u) => u.id === managingId) ?? null;
  const headers: Record<Column, string> = {
    name: t("users.name"),
    email: t("users.email"),
    roles: t("users.roles"),
    status: t("users.status"),
  };

  return (
    <Page title={t("users.title")} lead={<Paragraph>{t("users.lead")}</Paragraph>}>
      <div className="toolbar">
        <SearchField label={t("users.search")} value={list.query} onChange={list.setQuery} />
        <Button onClick={() => setCreating(true)}>{t("users.new")}</Button>
      </div>

      {users.isPending ? (
        <Loading />
      ) : users.error ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : all.length === 0 ? (
        <Paragraph>{t("users.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" aria-live="polite">
            {t("common.showing", { shown: sorted.length, total: all.length })}
          </Paragraph>
          {sorted.length === 0 ? (
            <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
          ) : (
            <TableScroller labelledBy="users-caption">
              <Table zebra>
                <caption id="users-caption" className="ds-sr-only">
                  {t("users.caption")}
                </caption>
                <Table.Head>
                  <Table.Row>
                    {columns.map((c) => (
                      <SortableHeader key={c} sort={list.ariaSort(c)} onSort={() => list.toggleSort(c)}>
                        {headers[c]}
                      </SortableHeader>
                    ))}
                    <Table.HeaderCell>
                      <span className="ds-sr-only">{t("common.actions")}</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {sorted.map((u) => (
                    <Table.Row key={u.id}>
                      <Table.Cell>{u.name}</Table.Cell>
                      <Table.Cell>{u.email}</Table.Cell>
                      <Table.Cell>
                        {u.memberships.length === 0 ? (
                          <span className="muted">{t("users.noRoles")}</span>
                        ) : (
                          <span className="tags">
                            {u.memberships.map((m) => (
                              <Tag key={m.id} data-size="sm" data-color="neutral">
                                {t(`roles.${m.role}`)}
                                {m.institutionShortName ? ` – ${m.institutionShortName}` : ""}
                              </Tag>
                            ))}
                          </span>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <Tag data-size="sm" data-color={u.active ? "success" : "warning"}>
                          {u.active ? t("users.active") : t("users.inactive")}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          aria-label={t("users.manageNamed", { name: u.name })}
                          onClick={() => setManagingId(u.id)}
                        >
                          {t("users.manage")}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroller>
          )}
        </>
      )}

      <FormDialog open={creating} title={t("users.new")} onClose={() => setCreating(false)}>
        <CreateUserForm
          institutions={institutions.data ?? []}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            announce(t("users.created", { name: user.name }));
          }}
        />
      </FormDialog>
      <FormDialog
        open={managing !== null}
        title={managing ? t("users.manageTitle", { name: managing.name }) : ""}
        onClose={() => setManagingId(null)}
      >
        {managing ? <ManageUser user={managing} institutions={institutions.data ?? []} /> : null}
      </FormDialog>
    </Page>
  );
}
