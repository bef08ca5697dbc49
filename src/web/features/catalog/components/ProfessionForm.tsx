import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Profession } from "../../../api/listProfessions.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateProfession } from "../api/createProfession.ts";
import { useUpdateProfession } from "../api/updateProfession.ts";

/** Adds a profession, or renames one. */
export function ProfessionForm({
  profession,
  onSaved,
  onCancel,
}: {
  profession?: Profession;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = { name: t("professions.name") };
  const form = useFormErrors(profession ? `profession-${profession.id}` : "new-profession", labels);
  const create = useCreateProfession();
  const update = useUpdateProfession();
  const [name, setName] = useState(profession?.name ?? "");
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      form.fail({ name: t("professions.nameRequired") });
      return;
    }
    form.reset();
    const options = {
      onSuccess: () => onSaved(trimmed),
      onError: (error: unknown) => form.failFromServer(error, { "catalog.name_taken": "name" }),
    };
    if (profession) update.mutate({ id: profession.id, name: trimmed }, options);
    else create.mutate({ name: trimmed }, options);
  }

  const submitLabel = profession ? t("common.save") : t("professions.create");
  return (
    <DialogForm form={form} onSubmit={onSubmit} onCancel={onCancel} pending={pending} submitLabel={submitLabel}>
      <FormTextfield form={form} name="name" description={t("professions.nameHint")} value={name} onValue={setName} />
    </DialogForm>
  );
}
