import { Button, Field, Label, Select, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditActions, auditEntities } from "../../../../contracts/audit.ts";
import type { User } from "../../../../contracts/users.ts";
import { formatDate, isIsoDate, parseDate } from "../../../../domain/dates.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { compareText } from "../../../lib/format.ts";
import { actionName, entityName } from "./auditCodes.ts";

/** The filters as they stand in the URL: dates as yyyy-mm-dd (calendar days in Oslo). */
export type AuditFilterValues = {
  actorId: string;
  entity: string;
  action: string;
  entityId: string;
  from: string;
  to: string;
};

export const emptyFilter: AuditFilterValues = { actorId: "", entity: "", action: "", entityId: "", from: "", to: "" };

/** A date of the URL as people write it (dd.mm.yyyy); anything else as it stands. */
const shownDate = (value: string) => (isIsoDate(value) ? formatDate(value) : value);

/**
 * Who, what, which record and when; applied with a button so that a half-typed id does not search.
 * Dates are typed as dd.mm.yyyy whatever the browser's language (text fields read by the app's date
 * rule, not the browser's date picker), and stand in the URL as yyyy-mm-dd.
 */
export function AuditFilters({
  value,
  users,
  onApply,
}: {
  value: AuditFilterValues;
  users: User[];
  onApply: (value: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors("audit-filter");
  const [draft, setDraft] = useState({ ...value, from: shownDate(value.from), to: shownDate(value.to) });
  const set = (key: keyof AuditFilterValues) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));

  const labels = {
    actorId: t("audit.filter.who"),
    entity: t("audit.filter.what"),
    action: t("audit.filter.action"),
    entityId: t("audit.filter.record"),
    from: t("audit.filter.from"),
    to: t("audit.filter.to"),
  };

  // Entities and actions in the current filter that are not in the lists still show (from a link).
  const entities = [
    ...auditEntities,
    ...(draft.entity && !auditEntities.includes(draft.entity as never) ? [draft.entity] : []),
  ];
  const actions = [
    ...auditActions,
    ...(draft.action && !auditActions.includes(draft.action as never) ? [draft.action] : []),
  ];
  const sortedUsers = [...users].sort((a, b) => compareText(a.name, b.name));
  // A date in a link that is not one shows its error until the filter is applied again.
  const dateError = (key: "from" | "to") =>
    form.attempt > 0 || !value[key] || isIsoDate(value[key]) ? form.fieldErrors[key] : t("audit.filter.dateInvalid");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const from = draft.from.trim() ? parseDate(draft.from) : "";
    const to = draft.to.trim() ? parseDate(draft.to) : "";
    if (from === null) errors.from = t("audit.filter.dateInvalid");
    if (to === null) errors.to = t("audit.filter.dateInvalid");
    if (from && to && from > to) errors.to = t("audit.filter.toBeforeFrom");
    if (Object.keys(errors).length > 0 || from === null || to === null) {
      form.fail(errors);
      return;
    }
    form.reset();
    onApply({ ...draft, entityId: draft.entityId.trim(), from, to });
  }

  function onReset() {
    form.reset();
    setDraft(emptyFilter);
    onApply(emptyFilter);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="audit-filters" aria-label={t("audit.filter.label")}>
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <div className="field-row">
        <Field>
          <Label htmlFor={form.fieldId("actorId")}>{labels.actorId}</Label>
          <Select id={form.fieldId("actorId")} value={draft.actorId} onChange={(e) => set("actorId")(e.target.value)}>
            <Select.Option value="">{t("audit.filter.anyone")}</Select.Option>
            {sortedUsers.map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={form.fieldId("entity")}>{labels.entity}</Label>
          <Select id={form.fieldId("entity")} value={draft.entity} onChange={(e) => set("entity")(e.target.value)}>
            <Select.Option value="">{t("audit.filter.anything")}</Select.Option>
            {entities.map((code) => (
              <Select.Option key={code} value={code}>
                {entityName(t, code)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={form.fieldId("action")}>{labels.action}</Label>
          <Select id={form.fieldId("action")} value={draft.action} onChange={(e) => set("action")(e.target.value)}>
            <Select.Option value="">{t("audit.filter.anyAction")}</Select.Option>
            {actions.map((code) => (
              <Select.Option key={code} value={code}>
                {actionName(t, code)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="field-row">
        <Textfield
          id={form.fieldId("entityId")}
          label={labels.entityId}
          description={t("audit.filter.recordHint")}
          value={draft.entityId}
          onChange={(e) => set("entityId")(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Textfield
          id={form.fieldId("from")}
          label={labels.from}
          description={t("audit.filter.dateHint")}
          value={draft.from}
          onChange={(e) => set("from")(e.target.value)}
          error={dateError("from")}
          autoComplete="off"
        />
        <Textfield
          id={form.fieldId("to")}
          label={labels.to}
          description={t("audit.filter.dateHint")}
          value={draft.to}
          onChange={(e) => set("to")(e.target.value)}
          error={dateError("to")}
          autoComplete="off"
        />
      </div>
      <div className="button-row">
        <Button type="submit">{t("audit.filter.apply")}</Button>
        <Button type="button" variant="secondary" onClick={onReset}>
          {t("audit.filter.reset")}
        </Button>
      </div>
    </form>
  );
}
