import { ErrorSummary } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

export type FormError = { fieldId?: string; message: string };

/**
 * The list of what is wrong in a form, shown above the form after a failed submit. It takes focus
 * when it appears (remount it with a new `key` on every failed attempt); each item links to its field.
 */
export function FormErrorSummary({ errors }: { errors: FormError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <ErrorSummary className="form-error-summary">
      <ErrorSummary.Heading>{t("forms.errorSummaryHeading")}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((e) => (
          <ErrorSummary.Item key={`${e.fieldId ?? "general"}-${e.message}`}>
            {e.fieldId ? (
              <ErrorSummary.Link
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  const el = document.getElementById(e.fieldId ?? "");
                  if (el) {
                    event.preventDefault();
                    el.focus();
                  }
                }}
              >
                {e.message}
              </ErrorSummary.Link>
            ) : (
              e.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
