import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Institution } from "../../../../contracts/institutions.ts";
import type { Profession } from "../../../api/listProfessions.ts";
import type { Programme } from "../../../api/listProgrammes.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { compareText } from "../../../lib/format.ts";
import { useCreateProgramme } from "../api/createProgramme.ts";
import { useUpdateProgramme } from "../api/updateProgramme.ts";

/** Adds a study programme (name, institution, profession), or changes one. */
export function ProgrammeForm({
  programme,
  institutions,
  professions,
  onSaved,
  onCancel,
}: {
  programme?: Programme;
  institutions: Institution[];
  professions: Profession[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = {
    name: t("programmes.name"),
    institutionId: t("programmes.institution"),
    professionId: t("programmes.profession"),
  };
  const form = useFormErrors(programme ? `programme-${programme.id}` : "new-programme", labels);
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const [name, setName] = useState(programme?.name ?? "");
  const [institutionId, setInstitutionId] = useState(programme?.institutionId ?? "");
  const [professionId, setProfessionId] = useState(programme?.professionId ?? "");
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("programmes.nameRequired");
    if (!institutionId) errors.institutionId = t("programmes.institutionRequired");
    if (!professionId) errors.professionId = t("programmes.professionRequired");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    const body = { name: name.trim(), institutionId, professionId };
    const options = {
      onSuccess: () => onSaved(body.name),
      onError: (error: unknown) => form.failFromServer(error, { "catalog.name_taken": "name" }),
    };
    if (programme) update.mutate({ id: programme.id, ...body }, options);
    else create.mutate(body, options);
  }

  const select = (
    field: "institutionId" | "professionId",
    value: string,
    onChange: (v: string) => void,
    options: Array<{ id: string; label: string }>,
  ) => (
    <Field>
      <Label htmlFor={form.fieldId(field)}>{labels[field]}</Label>
      <Select
        id={form.fieldId(field)}
        value={value}
        aria-invalid={form.fieldErrors[field] ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <Select.Option value="">{t("common.choose")}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.id} value={o.id}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {form.fieldErrors[field] ? <ValidationMessage>{form.fieldErrors[field]}</ValidationMessage> : null}
    </Field>
  );

  const submitLabel = programme ? t("common.save") : t("programmes.create");
  return (
    <DialogForm form={form} onSubmit={onSubmit} onCancel={onCancel} pending={pending} submitLabel={submitLabel}>
      <FormTextfield form={form} name="name" description={t("programmes.nameHint")} value={name} onValue={setName} />
      {select(
        "institutionId",
        institutionId,
        setInstitutionId,
        [...institutions]
          .sort((a, b) => compareText(a.name, b.name))
          .map((i) => ({ id: i.id, label: `${i.name} (${i.shortName})` })),
      )}
      {select(
        "professionId",
        professionId,
        setProfessionId,
        [...professions].sort((a, b) => compareText(a.name, b.name)).map((p) => ({ id: p.id, label: p.name })),
      )}
    </DialogForm>
  );
}
