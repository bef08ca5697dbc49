import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Institution } from "../../../../contracts/institutions.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateInstitution } from "../api/createInstitution.ts";
import { useUpdateInstitution } from "../api/updateInstitution.ts";

/** Creates an institution, or renames one when `institution` is given. */
export function InstitutionForm({
  institution,
  onSaved,
  onCancel,
}: {
  institution?: Institution;
  onSaved: (institution: Institution) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = { name: t("institutions.name"), shortName: t("institutions.shortName") };
  const form = useFormErrors(institution ? `institution-${institution.id}` : "new-institution", labels);
  const create = useCreateInstitution();
  const update = useUpdateInstitution();
  const [name, setName] = useState(institution?.name ?? "");
  const [shortName, setShortName] = useState(institution?.shortName ?? "");
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("institutions.nameRequired");
    if (!shortName.trim()) errors.shortName = t("institutions.shortNameRequired");
    else if (shortName.trim().length > 20) errors.shortName = t("institutions.shortNameTooLong");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    const body = { name: name.trim(), shortName: shortName.trim() };
    const options = {
      onSuccess: onSaved,
      onError: (error: unknown) => form.failFromServer(error, { "institutions.name_taken": "shortName" }),
    };
    if (institution) update.mutate({ id: institution.id, ...body }, options);
    else create.mutate(body, options);
  }

  const submitLabel = institution ? t("common.save") : t("institutions.create");
  return (
    <DialogForm form={form} onSubmit={onSubmit} onCancel={onCancel} pending={pending} submitLabel={submitLabel}>
      <FormTextfield form={form} name="name" description={t("institutions.nameHint")} value={name} onValue={setName} />
      <FormTextfield
        form={form}
        name="shortName"
        description={t("institutions.shortNameHint")}
        value={shortName}
        onValue={setShortName}
      />
    </DialogForm>
  );
}
