import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useOverviews } from "../../../api/listOverviews.ts";
import type { FormFields } from "../../../components/FormTextfield.tsx";

/** The most documents the list answers at once: an institution with more offers its first 200 by name. */
const pickerLimit = 200;

/**
 * The optional document and sheet of a new campaign (SPEC §3.1): the chosen institution's documents
 * (`GET /api/overviews?institutionId`, which brings their sheets; the first `pickerLimit` by name),
 * then a sheet of the chosen one.
 */
export function CampaignPlaceFields({
  form,
  institutionId,
  overviewId,
  sheetId,
  onOverview,
  onSheet,
}: {
  form: FormFields;
  institutionId: string;
  overviewId: string;
  sheetId: string;
  onOverview: (id: string) => void;
  onSheet: (id: string) => void;
}) {
  const { t } = useTranslation();
  const documents = useOverviews({ institutionId, limit: pickerLimit }, institutionId !== "");
  const list = [...(documents.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const sheets = [...(list.find((d) => d.id === overviewId)?.sheets ?? [])].sort((a, b) => a.position - b.position);
  const loading = institutionId !== "" && documents.isPending;
  return (
    <>
      <Field>
        <Label htmlFor={form.fieldId("overviewId")}>{form.labels.overviewId}</Label>
        <Field.Description>
          {institutionId ? t("campaigns.form.overviewHint") : t("campaigns.form.overviewFirst")}
        </Field.Description>
        <Select
          id={form.fieldId("overviewId")}
          value={overviewId}
          disabled={!institutionId || loading}
          aria-invalid={form.fieldErrors.overviewId ? true : undefined}
          onChange={(e) => onOverview(e.target.value)}
        >
          <Select.Option value="">{loading ? t("common.loading") : t("campaigns.form.noOverview")}</Select.Option>
          {list.map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.name}
            </Select.Option>
          ))}
        </Select>
        {form.fieldErrors.overviewId ? <ValidationMessage>{form.fieldErrors.overviewId}</ValidationMessage> : null}
        {documents.error ? <ValidationMessage>{t("campaigns.form.overviewsFailed")}</ValidationMessage> : null}
      </Field>
      {overviewId ? (
        <Field>
          <Label htmlFor={form.fieldId("sheetId")}>{form.labels.sheetId}</Label>
          <Field.Description>{t("campaigns.form.sheetHint")}</Field.Description>
          <Select
            id={form.fieldId("sheetId")}
            value={sheetId}
            aria-invalid={form.fieldErrors.sheetId ? true : undefined}
            onChange={(e) => onSheet(e.target.value)}
          >
            <Select.Option value="">{t("campaigns.form.wholeOverview")}</Select.Option>
            {sheets.map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {s.name}
              </Select.Option>
            ))}
          </Select>
          {form.fieldErrors.sheetId ? <ValidationMessage>{form.fieldErrors.sheetId}</ValidationMessage> : null}
        </Field>
      ) : null}
    </>
  );
}
