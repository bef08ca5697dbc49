import { Button } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isEmail } from "../../../../contracts/common.ts";
import type { Institution } from "../../../../contracts/institutions.ts";
import { heldForInstitution } from "../../../../contracts/policies.ts";
import type { User } from "../../../../contracts/users.ts";
import type { Role } from "../../../../contracts/vocabulary.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateUser } from "../api/createUser.ts";
import { RoleFields } from "./RoleFields.tsx";

export function CreateUserForm({
  institutions,
  onCreated,
  onCancel,
}: {
  institutions: Institution[];
  onCreated: (user: User) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = {
    name: t("users.name"),
    email: t("users.email"),
    password: t("users.password"),
    "membership.role": t("users.role"),
    "membership.institutionId": t("users.institution"),
  };
  const form = useFormErrors("new-user", labels);
  const create = useCreateUser();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [institutionId, setInstitutionId] = useState("");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("users.nameRequired");
    if (!isEmail(email.trim())) errors.email = t("users.emailInvalid");
    if (password && password.length < 12) errors.password = t("users.passwordTooShort");
    if (!role) errors["membership.role"] = t("users.roleRequired");
    if (heldForInstitution(role) && !institutionId) errors["membership.institutionId"] = t("users.institutionRequired");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    create.mutate(
      {
        name: name.trim(),
        email: email.trim(),
        ...(password ? { password } : {}),
        membership: { role: role as Role, institutionId: heldForInstitution(role) ? institutionId : null },
      },
      {
        onSuccess: onCreated,
        onError: (error) => form.failFromServer(error, { "memberships.exists": "email" }),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <FormTextfield form={form} name="name" label={labels.name} autoComplete="off" value={name} onValue={setName} />
      <FormTextfield form={form} name="email" type="email" autoComplete="off" value={email} onValue={setEmail} />
      <FormTextfield
        form={form}
        name="password"
        description={t("users.passwordHint")}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <RoleFields
        role={role}
        institutionId={institutionId}
        onRole={setRole}
        onInstitution={setInstitutionId}
        institutions={institutions}
        roleId={form.fieldId("membership.role")}
        institutionFieldId={form.fieldId("membership.institutionId")}
        roleError={form.fieldErrors["membership.role"]}
        institutionError={form.fieldErrors["membership.institutionId"]}
      />
      <div className="button-row">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t("users.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
