import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api.ts";
import { errorMessage, type FieldErrors, serverFieldErrors } from "../lib/errors.ts";
import type { FormError } from "./FormErrorSummary.tsx";

/**
 * Errors of one form: per field (shown inline) and in general, plus a counter of failed attempts
 * (used as `key` on the error summary so it takes focus again). `fieldId(name)` gives the id of a
 * field's input, so that the summary can link to it. `labels` names the fields, in the form's
 * order, for FormTextfield and the summary of DialogForm.
 */
export function useFormErrors(formId: string, labels: Record<string, string> = {}) {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const fieldId = useCallback((name: string) => `${formId}-${name.replaceAll(".", "-")}`, [formId]);

  const fail = useCallback((errors: FieldErrors, generalMessage: string | null = null) => {
    setFieldErrors(errors);
    setGeneral(generalMessage);
    setAttempt((a) => a + 1);
  }, []);

  const reset = useCallback(() => {
    setFieldErrors({});
    setGeneral(null);
  }, []);

  /**
   * Turns a failed request into errors: `validation.failed` into field errors, codes that belong
   * to one field (users.email_taken → email) onto that field, everything else as a general error.
   */
  const failFromServer = useCallback(
    (error: unknown, codeFields: Record<string, string> = {}, fieldMessages: Record<string, string> = {}) => {
      const fromValidation = serverFieldErrors(t, error, fieldMessages);
      if (Object.keys(fromValidation).length > 0) {
        fail(fromValidation);
        return;
      }
      if (isApiError(error) && codeFields[error.code]) {
        fail({ [codeFields[error.code] as string]: errorMessage(t, error) });
        return;
      }
      fail({}, errorMessage(t, error));
    },
    [fail, t],
  );

  /** The summary items, in the order of `labels` (the form's field order). */
  const summary = useCallback(
    (labels: Record<string, string>): FormError[] => {
      const items: FormError[] = [];
      if (general) items.push({ message: general });
      const known = Object.keys(labels);
      for (const name of known) {
        const message = fieldErrors[name];
        if (message) items.push({ fieldId: fieldId(name), message: `${labels[name]}: ${message}` });
      }
      for (const [name, message] of Object.entries(fieldErrors)) {
        if (!known.includes(name)) items.push({ message });
      }
      return items;
    },
    [fieldErrors, general, fieldId],
  );

  return { fieldErrors, general, attempt, fieldId, labels, fail, failFromServer, reset, summary };
}
