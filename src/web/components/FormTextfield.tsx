import { Textfield } from "@digdir/designsystemet-react";
import type { HTMLAttributes, ReactNode } from "react";
import type { FieldErrors } from "../lib/errors.ts";

/** What a field takes from its form (useFormErrors): the id of its input, its label and its error. */
export type FormFields = {
  fieldId: (name: string) => string;
  fieldErrors: FieldErrors;
  labels: Record<string, string>;
};

/**
 * A form's text field: its label (the form's label for `name` unless given) and description, and
 * the error the form has for `name` (the field's path in the request, as the server's
 * `details.issues` name it) with the id the form's error summary links to. `rows` makes it a text area.
 */
export function FormTextfield({
  form,
  name,
  label,
  description,
  value,
  onValue,
  type,
  autoComplete,
  inputMode,
  spellCheck,
  required,
  rows,
}: {
  form: FormFields;
  name: string;
  label?: string;
  description?: ReactNode;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "url" | "number" | "tel";
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  spellCheck?: boolean;
  required?: boolean;
  rows?: number;
}) {
  const shared = {
    id: form.fieldId(name),
    label: label ?? form.labels[name],
    description,
    value,
    error: form.fieldErrors[name],
    autoComplete,
    spellCheck,
    required,
  };
  return rows === undefined ? (
    <Textfield {...shared} type={type} inputMode={inputMode} onChange={(e) => onValue(e.target.value)} />
  ) : (
    <Textfield {...shared} multiline rows={rows} onChange={(e) => onValue(e.target.value)} />
  );
}
