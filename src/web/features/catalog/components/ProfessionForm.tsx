import { Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormButtons } from "../../../components/FormButtons.tsx";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateProfession } from "../api/createProfession.ts";
import type { Profession } from "../api/listProfessions.ts";
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
  const form = useFormErrors(profession ? `profession-${profession.id}` : "new-profession");
  const create = useCreateProfession();
  const update = useUpdateProfession();
  const [name, setName] = useState(profession?.name ?? "");
  const pending = create.isPending || update.isPending;
  const labels = { name: t("professions.name") };

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

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <Textfield
        id={form.fieldId("name")}
        label={labels.name}
        description={t("professions.nameHint")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fieldErrors.name}
      />
      <FormButtons
        submitLabel={profession ? t("common.save") : t("professions.create")}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
