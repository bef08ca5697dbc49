import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { FormFields } from "../../../components/FormTextfield.tsx";

/** A form's choice among `options` ("Velg …" first): its label, and the error the form has for `name`. */
export function SelectField({
  form,
  name,
  label,
  value,
  onValue,
  options,
}: {
  form: FormFields;
  name: string;
  label?: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const id = form.fieldId(name);
  const error = form.fieldErrors[name];
  return (
    <Field>
      <Label htmlFor={id}>{label ?? form.labels[name]}</Label>
      <Select id={id} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onValue(e.target.value)}>
        <Select.Option value="">{t("common.choose")}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
