import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Institution } from "../../../../contracts/institutions.ts";
import { heldForInstitution } from "../../../../contracts/policies.ts";
import type { User } from "../../../../contracts/users.ts";
import type { Role } from "../../../../contracts/vocabulary.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useAddMembership } from "../api/addMembership.ts";
import { useRemoveMembership } from "../api/removeMembership.ts";
import { useUpdateUser } from "../api/updateUser.ts";
import { RoleFields } from "./RoleFields.tsx";

/**
 * Everything an admin changes on one person: name, roles at this trust, password, active.
 * Messages are announced in the dialog's own live region (the page behind is inert).
 */
export function ManageUser({ user, institutions }: { user: User; institutions: Institution[] }) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const say = (text: string, error = false) => setStatus({ text, error });

  return (
    <div className="form">
      <div role="status" aria-live="polite" className="status-region">
        {status ? (
          <Alert data-color={status.error ? "danger" : "success"}>
            <Paragraph>{status.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <NameForm user={user} onDone={say} />
      <Memberships user={user} institutions={institutions} onDone={say} />
      <PasswordForm user={user} onDone={say} />
      <ActiveToggle user={user} onDone={say} />
    </div>
  );
}

type Done = (text: string, error?: boolean) => void;

function NameForm({ user, onDone }: { user: User; onDone: Done }) {
  const { t } = useTranslation();
  const labels = { name: t("users.name") };
  const form = useFormErrors(`user-name-${user.id}`, labels);
  const update = useUpdateUser();
  const [name, setName] = useState(user.name);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      form.fail({ name: t("users.nameRequired") });
      return;
    }
    form.reset();
    update.mutate(
      { id: user.id, name: name.trim() },
      { onSuccess: () => onDone(t("users.nameSaved")), onError: (error) => form.failFromServer(error) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="section">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <FormTextfield form={form} name="name" label={labels.name} value={name} onValue={setName} />
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={update.isPending} disabled={update.isPending}>
          {t("users.saveName")}
        </Button>
      </div>
    </form>
  );
}

function Memberships({ user, institutions, onDone }: { user: User; institutions: Institution[]; onDone: Done }) {
  const { t } = useTranslation();
  const form = useFormErrors(`user-membership-${user.id}`);
  const add = useAddMembership();
  const remove = useRemoveMembership();
  const [role, setRole] = useState<Role | "">("");
  const [institutionId, setInstitutionId] = useState("");
  const labels = { role: t("users.role"), institutionId: t("users.institution") };
  const headingId = `user-roles-${user.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!role) errors.role = t("users.roleRequired");
    if (heldForInstitution(role) && !institutionId) errors.institutionId = t("users.institutionRequired");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    add.mutate(
      { userId: user.id, role: role as Role, institutionId: heldForInstitution(role) ? institutionId : null },
      {
        onSuccess: () => {
          onDone(t("users.membershipAdded", { role: t(`roles.${role}`) }));
          setRole("");
          setInstitutionId("");
        },
        onError: (error) => form.failFromServer(error),
      },
    );
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t("users.rolesHeading")}
      </Heading>
      {user.memberships.length === 0 ? (
        <Paragraph>{t("users.noRoles")}</Paragraph>
      ) : (
        <ul className="membership-list">
          {user.memberships.map((m) => {
            const label = m.institutionShortName
              ? `${t(`roles.${m.role}`)} – ${m.institutionShortName}`
              : t(`roles.${m.role}`);
            return (
              <li key={m.id}>
                <span>{label}</span>
                <Button
                  variant="tertiary"
                  data-color="danger"
                  data-size="sm"
                  aria-label={t("users.removeRoleNamed", { role: label })}
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(m.id, {
                      onSuccess: () => onDone(t("users.membershipRemoved", { role: label })),
                      onError: (error) => onDone(errorMessage(t, error), true),
                    })
                  }
                >
                  {t("users.removeRole")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="section">
        <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
        <RoleFields
          role={role}
          institutionId={institutionId}
          onRole={setRole}
          onInstitution={setInstitutionId}
          institutions={institutions}
          roleId={form.fieldId("role")}
          institutionFieldId={form.fieldId("institutionId")}
          roleError={form.fieldErrors.role}
          institutionError={form.fieldErrors.institutionId}
        />
        <div className="button-row">
          <Button type="submit" variant="secondary" loading={add.isPending} disabled={add.isPending}>
            {t("users.addRole")}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PasswordForm({ user, onDone }: { user: User; onDone: Done }) {
  const { t } = useTranslation();
  const form = useFormErrors(`user-password-${user.id}`);
  const update = useUpdateUser();
  const [password, setPassword] = useState("");
  const labels = { password: t("users.newPassword") };
  const headingId = `user-password-heading-${user.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (password.length < 12) {
      form.fail({ password: t("users.passwordTooShort") });
      return;
    }
    form.reset();
    update.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          setPassword("");
          onDone(t("users.passwordSaved"));
        },
        onError: (error) => form.failFromServer(error),
      },
    );
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t("users.passwordHeading")}
      </Heading>
      <Paragraph data-size="sm">{user.hasPassword ? t("users.hasPassword") : t("users.noPassword")}</Paragraph>
      <form onSubmit={onSubmit} noValidate className="section">
        <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
        <FormTextfield
          form={form}
          name="password"
          description={t("users.passwordMin")}
          type="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
        />
        <div className="button-row">
          <Button type="submit" variant="secondary" loading={update.isPending} disabled={update.isPending}>
            {t("users.setPassword")}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ActiveToggle({ user, onDone }: { user: User; onDone: Done }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const headingId = `user-active-${user.id}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t("users.statusHeading")}
      </Heading>
      <Paragraph data-size="sm">{user.active ? t("users.activeExplained") : t("users.inactiveExplained")}</Paragraph>
      <div className="button-row">
        <Button
          variant="secondary"
          data-color={user.active ? "danger" : "accent"}
          loading={update.isPending}
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { id: user.id, active: !user.active },
              {
                onSuccess: () => onDone(user.active ? t("users.deactivated") : t("users.reactivated")),
                onError: (error) => onDone(errorMessage(t, error), true),
              },
            )
          }
        >
          {user.active ? t("users.deactivate") : t("users.reactivate")}
        </Button>
      </div>
    </section>
  );
}
