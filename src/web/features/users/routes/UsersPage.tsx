import { Button, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../contracts/users.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { useUsers } from "../../../api/listUsers.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { EditButton } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { CreateUserForm } from "../components/CreateUserForm.tsx";
import { ManageUser } from "../components/ManageUser.tsx";

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
  const [creating, setCreating] = useState(false);
  const [managingId, setManagingId] = useState<string | null>(null);

  const roleText = (u: User) =>
    u.memberships
      .map((m) => (m.institutionShortName ? `${t(`roles.${m.role}`)} ${m.institutionShortName}` : t(`roles.${m.role}`)))
      .join(", ");

  const all = users.data ?? [];
  const managing = all.find((u) => u.id === managingId) ?? null;
  const status = (u: User) => (u.active ? t("users.active") : t("users.inactive"));
  const columns: ListColumn<User>[] = [
    { key: "name", header: t("users.name"), cell: (u) => u.name, sortValue: (u) => u.name },
    { key: "email", header: t("users.email"), cell: (u) => u.email, sortValue: (u) => u.email },
    { key: "roles", header: t("users.roles"), cell: (u) => <RoleTags user={u} />, sortValue: roleText },
    {
      key: "status",
      header: t("users.status"),
      cell: (u) => (
        <Tag data-size="sm" data-color={u.active ? "success" : "warning"}>
          {status(u)}
        </Tag>
      ),
      sortValue: status,
    },
  ];

  return (
    <Page title={t("users.title")} lead={<Paragraph>{t("users.lead")}</Paragraph>}>
      <ListTable
        rows={all}
        rowKey={(u) => u.id}
        columns={columns}
        defaultSort="name"
        searchLabel={t("users.search")}
        searchText={(u) => [u.name, u.email, roleText(u)]}
        toolbarEnd={<Button onClick={() => setCreating(true)}>{t("users.new")}</Button>}
        caption={{ id: "users-caption", text: t("users.caption") }}
        load={{ isPending: users.isPending, error: users.error, retry: () => void users.refetch() }}
        empty={<Paragraph>{t("users.empty")}</Paragraph>}
        actions={(u) => (
          <EditButton
            name={u.name}
            label={t("users.manage")}
            ariaLabel={t("users.manageNamed", { name: u.name })}
            onClick={() => setManagingId(u.id)}
          />
        )}
      />

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

/** A user's roles as tags, each with its institution where the role has one. */
function RoleTags({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.memberships.length === 0) return <span className="muted">{t("users.noRoles")}</span>;
  return (
    <span className="tags">
      {user.memberships.map((m) => (
        <Tag key={m.id} data-size="sm" data-color="neutral">
          {t(`roles.${m.role}`)}
          {m.institutionShortName ? ` – ${m.institutionShortName}` : ""}
        </Tag>
      ))}
    </span>
  );
}
