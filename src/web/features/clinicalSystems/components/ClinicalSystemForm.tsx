import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClinicalSystem } from "../../../../contracts/clinical-systems.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateClinicalSystem } from "../api/createClinicalSystem.ts";
import { useUpdateClinicalSystem } from "../api/updateClinicalSystem.ts";
import { type RoleDraft, RolesField } from "./RolesField.tsx";

/** Adds a clinical system with its roles, or renames one and changes its roles. */
export function ClinicalSystemForm({
  system,
  onSaved,
  onCancel,
}: {
  system?: ClinicalSystem;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateClinicalSystem();
  const update = useUpdateClinicalSystem();
  const [name, setName] = useState(system?.name ?? "");
  const [roles, setRoles] = useState<RoleDraft[]>(
    (system?.roles ?? [""]).map((role, index) => ({ key: index + 1, name: role })),
  );
  const labels = {
    name: t("clinicalSystems.name"),
    roles: t("clinicalSystems.roles"),
    ...Object.fromEntries(roles.map((_, i) => [`roles.${i}`, t("clinicalSystems.roleNumber", { number: i + 1 })])),
  };
  const form = useFormErrors(system ? `system-${system.id}` : "new-system", labels);
  const pending = create.isPending || update.isPending;
  const givenBy = (role: string) => (system?.usedBy ?? []).filter((u) => u.role === role).map((u) => u.professionName);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const names = roles.map((r) => r.name.trim());
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("clinicalSystems.nameRequired");
    names.forEach((role, i) => {
      if (!role) errors[`roles.${i}`] = t("clinicalSystems.roleRequired");
      else if (names.slice(0, i).some((r) => r.toLocaleLowerCase("nb") === role.toLocaleLowerCase("nb")))
        errors[`roles.${i}`] = t("clinicalSystems.duplicateRole");
    });
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    const body = { name: name.trim(), roles: names };
    const options = {
      onSuccess: () => onSaved(body.name),
      onError: (error: unknown) =>
        form.failFromServer(error, { "clinical_systems.name_taken": "name", "clinical_systems.role_in_use": "roles" }),
    };
    if (system) update.mutate({ id: system.id, ...body }, options);
    else create.mutate(body, options);
  }

  return (
    <DialogForm
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={pending}
      submitLabel={system ? t("common.save") : t("clinicalSystems.create")}
    >
      <FormTextfield
        form={form}
        name="name"
        description={t("clinicalSystems.nameHint")}
        value={name}
        onValue={setName}
      />
      <RolesField form={form} roles={roles} onChange={setRoles} givenBy={givenBy} />
    </DialogForm>
  );
}
