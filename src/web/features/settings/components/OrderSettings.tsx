import { Button, Fieldset, Switch } from "@digdir/designsystemet-react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  defaultPortalColumns,
  defaultStatusReportColumns,
  type PortalColumn,
  portalColumns,
  type StatusReportColumns,
  statusReportFields,
} from "../../../../contracts/orders.ts";
import type { TrustSettings } from "../../../../contracts/trusts.ts";
import { type FormFields, FormTextfield } from "../../../components/FormTextfield.tsx";
import { ColumnOrderField } from "./ColumnOrderField.tsx";

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** The order settings' field names, in the form's order, for the labels and the error summary. */
export function orderLabels(t: TFunction): Record<string, string> {
  return {
    orderLeadDays: t("settings.orderLeadDays"),
    portalColumns: t("settings.portalColumns"),
    ...Object.fromEntries(statusReportFields.map((f) => [`portalStatusColumns.${f}`, t(`settings.statusFields.${f}`)])),
    appSendsUsernames: t("settings.appSendsUsernames"),
    usernameDaysBefore: t("settings.usernameDaysBefore"),
    extensionMaxDays: t("settings.extensionMaxDays"),
  };
}

/**
 * The order settings while they are edited, their checks (by the request's field paths) and what
 * the PATCH sends: columns or headers equal to the default are sent as null, so the trust keeps
 * following the default.
 */
export function useOrderSettings(settings: TrustSettings) {
  const [leadDays, setLeadDays] = useState(String(settings.orderLeadDays));
  const [columns, setColumns] = useState<PortalColumn[]>(settings.portalColumns);
  const [headers, setHeaders] = useState<StatusReportColumns>(settings.portalStatusColumns);
  const [appSends, setAppSends] = useState(settings.appSendsUsernames);
  const [daysBefore, setDaysBefore] = useState(String(settings.usernameDaysBefore));
  const [extensionDays, setExtensionDays] = useState(String(settings.extensionMaxDays));

  function check(t: TFunction): Record<string, string> {
    const errors: Record<string, string> = {};
    const lead = Number(leadDays);
    if (!/^\d+$/.test(leadDays.trim()) || lead > 90) errors.orderLeadDays = t("settings.orderLeadDaysInvalid");
    if (columns.length === 0) errors.portalColumns = t("settings.hrTransferColumnsEmpty");
    for (const f of statusReportFields) {
      if (headers[f].trim().length > 100) errors[`portalStatusColumns.${f}`] = t("settings.webcruiterTooLong");
    }
    const before = Number(daysBefore);
    if (!/^\d+$/.test(daysBefore.trim()) || before < 1 || before > 60)
      errors.usernameDaysBefore = t("settings.usernameDaysBeforeInvalid");
    if (!/^\d+$/.test(extensionDays.trim()) || Number(extensionDays) > 365)
      errors.extensionMaxDays = t("settings.extensionMaxDaysInvalid");
    return errors;
  }

  function body() {
    const mapping = Object.fromEntries(statusReportFields.map((f) => [f, headers[f].trim()])) as StatusReportColumns;
    const isDefault = statusReportFields.every((f) => mapping[f] === defaultStatusReportColumns[f]);
    return {
      orderLeadDays: Number(leadDays),
      portalColumns: sameList(columns, defaultPortalColumns) ? null : columns,
      portalStatusColumns: isDefault ? null : mapping,
      appSendsUsernames: appSends,
      usernameDaysBefore: Number(daysBefore),
      extensionMaxDays: Number(extensionDays),
    };
  }

  return {
    leadDays,
    setLeadDays,
    columns,
    setColumns,
    headers,
    setHeaders,
    appSends,
    setAppSends,
    daysBefore,
    setDaysBefore,
    extensionDays,
    setExtensionDays,
    check,
    body,
  };
}

/** The fieldset of the order settings (SPEC §3.2 steps 4–6): lead time, the portal's files, usernames, extensions. */
export function OrderSettings({ form, state }: { form: FormFields; state: ReturnType<typeof useOrderSettings> }) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{t("settings.ordersHeading")}</Fieldset.Legend>
      <div className="form">
        <FormTextfield
          form={form}
          name="orderLeadDays"
          description={t("settings.orderLeadDaysHint")}
          inputMode="numeric"
          value={state.leadDays}
          onValue={state.setLeadDays}
        />
        <ColumnOrderField
          form={form}
          name="portalColumns"
          columns={portalColumns}
          defaults={defaultPortalColumns}
          label={(c) => t(`settings.portalFields.${c}`)}
          hint={t("settings.portalColumnsHint")}
          value={state.columns}
          onValue={state.setColumns}
        />
        <Fieldset>
          <Fieldset.Legend>{t("settings.portalStatusColumns")}</Fieldset.Legend>
          <Fieldset.Description>{t("settings.portalStatusColumnsHint")}</Fieldset.Description>
          <div className="form">
            {statusReportFields.map((f) => (
              <FormTextfield
                key={f}
                form={form}
                name={`portalStatusColumns.${f}`}
                description={t("settings.portalStatusDefault", { header: defaultStatusReportColumns[f] })}
                value={state.headers[f]}
                onValue={(v) => state.setHeaders((h) => ({ ...h, [f]: v }))}
              />
            ))}
            <div className="button-row">
              <Button
                type="button"
                variant="secondary"
                onClick={() => state.setHeaders({ ...defaultStatusReportColumns })}
              >
                {t("settings.portalStatusDefaults")}
              </Button>
            </div>
          </div>
        </Fieldset>
        <Switch
          id={form.fieldId("appSendsUsernames")}
          label={t("settings.appSendsUsernames")}
          description={t("settings.appSendsUsernamesHint")}
          checked={state.appSends}
          onChange={(e) => state.setAppSends(e.target.checked)}
        />
        <FormTextfield
          form={form}
          name="usernameDaysBefore"
          description={t("settings.usernameDaysBeforeHint")}
          inputMode="numeric"
          value={state.daysBefore}
          onValue={state.setDaysBefore}
        />
        <FormTextfield
          form={form}
          name="extensionMaxDays"
          description={t("settings.extensionMaxDaysHint")}
          inputMode="numeric"
          value={state.extensionDays}
          onValue={state.setExtensionDays}
        />
      </div>
    </Fieldset>
  );
}
