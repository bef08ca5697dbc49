import { Button, Fieldset } from "@digdir/designsystemet-react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  defaultHrTransferColumns,
  defaultWebcruiterColumns,
  type HrTransferColumn,
  hrTransferColumns,
  type WebcruiterColumns,
  type WebcruiterField,
  webcruiterFields,
} from "../../../../contracts/hr-transfer.ts";
import type { TrustSettings } from "../../../../contracts/trusts.ts";
import { type FormFields, FormTextfield } from "../../../components/FormTextfield.tsx";
import { ColumnOrderField } from "./ColumnOrderField.tsx";
import "../settings.css";

const requiredHeaders: readonly WebcruiterField[] = ["firstName", "lastName", "email", "mobile"];
type Headers = Record<WebcruiterField, string>;

const headersOf = (columns: WebcruiterColumns): Headers =>
  Object.fromEntries(webcruiterFields.map((f) => [f, columns[f] ?? ""])) as Headers;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** The registration settings' field names, in the form's order, for the labels and the error summary. */
export function registrationLabels(t: TFunction): Record<string, string> {
  return {
    unmatchedRegistrationDays: t("settings.unmatchedRegistrationDays"),
    hrTransferColumns: t("settings.hrTransferColumns"),
    ...Object.fromEntries(webcruiterFields.map((f) => [`webcruiterColumns.${f}`, t(`settings.fields.${f}`)])),
  };
}

/**
 * The registration settings' values while they are edited, their checks (by the request's field
 * paths, as the server names them) and what the PATCH sends: a list or mapping equal to the default
 * is sent as null, so the trust keeps following the default.
 */
export function useRegistrationSettings(settings: TrustSettings) {
  const [days, setDays] = useState(String(settings.unmatchedRegistrationDays));
  const [columns, setColumns] = useState<HrTransferColumn[]>(settings.hrTransferColumns);
  const [headers, setHeaders] = useState<Headers>(headersOf(settings.webcruiterColumns));

  function check(t: TFunction): Record<string, string> {
    const errors: Record<string, string> = {};
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < 1 || n > 730)
      errors.unmatchedRegistrationDays = t("settings.unmatchedRegistrationDaysInvalid");
    if (columns.length === 0) errors.hrTransferColumns = t("settings.hrTransferColumnsEmpty");
    for (const f of webcruiterFields) {
      const header = headers[f].trim();
      if (requiredHeaders.includes(f) && !header) errors[`webcruiterColumns.${f}`] = t("settings.webcruiterRequired");
      else if (header.length > 100) errors[`webcruiterColumns.${f}`] = t("settings.webcruiterTooLong");
    }
    return errors;
  }

  function body() {
    const mapping = Object.fromEntries(
      webcruiterFields.flatMap((f) => (headers[f].trim() ? [[f, headers[f].trim()]] : [])),
    ) as WebcruiterColumns;
    const isDefault = sameList(
      webcruiterFields.map((f) => mapping[f] ?? ""),
      webcruiterFields.map((f) => defaultWebcruiterColumns[f] ?? ""),
    );
    return {
      unmatchedRegistrationDays: Number(days),
      hrTransferColumns: sameList(columns, defaultHrTransferColumns) ? null : columns,
      webcruiterColumns: isDefault ? null : mapping,
    };
  }

  return { days, setDays, columns, setColumns, headers, setHeaders, check, body };
}

/** The fieldset of the registration settings (SPEC §3.1): retention of unmatched registrations, the HR file, Webcruiter. */
export function RegistrationSettings({
  form,
  state,
}: {
  form: FormFields;
  state: ReturnType<typeof useRegistrationSettings>;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{t("settings.registrationHeading")}</Fieldset.Legend>
      <div className="form">
        <FormTextfield
          form={form}
          name="unmatchedRegistrationDays"
          description={t("settings.unmatchedRegistrationDaysHint")}
          inputMode="numeric"
          value={state.days}
          onValue={state.setDays}
        />
        <ColumnOrderField
          form={form}
          name="hrTransferColumns"
          columns={hrTransferColumns}
          defaults={defaultHrTransferColumns}
          label={(c) => t(`settings.fields.${c}`)}
          hint={t("settings.hrTransferColumnsHint")}
          value={state.columns}
          onValue={state.setColumns}
        />
        <Fieldset>
          <Fieldset.Legend>{t("settings.webcruiterColumns")}</Fieldset.Legend>
          <Fieldset.Description>{t("settings.webcruiterColumnsHint")}</Fieldset.Description>
          <div className="form">
            {webcruiterFields.map((f) => (
              <FormTextfield
                key={f}
                form={form}
                name={`webcruiterColumns.${f}`}
                description={t("settings.webcruiterDefault", { header: defaultWebcruiterColumns[f] })}
                required={requiredHeaders.includes(f)}
                value={state.headers[f]}
                onValue={(v) => state.setHeaders((h) => ({ ...h, [f]: v }))}
              />
            ))}
            <div className="button-row">
              <Button
                type="button"
                variant="secondary"
                onClick={() => state.setHeaders(headersOf(defaultWebcruiterColumns))}
              >
                {t("settings.webcruiterDefaults")}
              </Button>
            </div>
          </div>
        </Fieldset>
      </div>
    </Fieldset>
  );
}
