import type { FormEvent, ReactNode } from "react";
import { FormButtons } from "./FormButtons.tsx";
import { FormErrorSummary } from "./FormErrorSummary.tsx";
import type { useFormErrors } from "./useFormErrors.ts";

/**
 * The frame of a form in a dialog: the error summary (in the order of the form's labels, taking
 * focus after each failed attempt), the fields, and the submit and cancel buttons.
 */
export function DialogForm({
  form,
  onSubmit,
  submitLabel,
  pending,
  onCancel,
  children,
}: {
  form: Pick<ReturnType<typeof useFormErrors>, "attempt" | "summary" | "labels">;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(form.labels)} />
      {children}
      <FormButtons submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
