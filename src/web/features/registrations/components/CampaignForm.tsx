import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Campaign } from "../../../../contracts/registrations.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { typedDate } from "../../../lib/problems.ts";
import { useCreateCampaign } from "../api/createCampaign.ts";
import { CampaignPlaceFields } from "./CampaignPlaceFields.tsx";

/**
 * "Ny kampanje": the institution, optionally one of its documents and a sheet of it, the deadline
 * (the seed recommends study start) and an optional name.
 */
export function CampaignForm({ onSaved, onCancel }: { onSaved: (campaign: Campaign) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const labels = {
    institutionId: t("campaigns.form.institution"),
    overviewId: t("campaigns.form.overview"),
    sheetId: t("campaigns.form.sheet"),
    deadline: t("campaigns.form.deadline"),
    name: t("campaigns.form.name"),
  };
  const form = useFormErrors("new-campaign", labels);
  const institutions = useInstitutions();
  const create = useCreateCampaign();
  const [institutionId, setInstitutionId] = useState("");
  const [overviewId, setOverviewId] = useState("");
  const [sheetId, setSheetId] = useState("");
  const [deadline, setDeadline] = useState("");
  const [name, setName] = useState("");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!institutionId) errors.institutionId = t("campaigns.form.institutionRequired");
    const typed = typedDate(t, deadline, t("campaigns.form.deadlineRequired"));
    if (typed.error) errors.deadline = typed.error;
    if (typed.date === null || Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    create.mutate(
      {
        institutionId,
        deadline: typed.date,
        ...(overviewId ? { overviewId } : {}),
        ...(sheetId ? { sheetId } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
      },
      {
        onSuccess: onSaved,
        onError: (error) =>
          form.failFromServer(error, { "campaign.sheet_mismatch": "sheetId", "campaign.deadline_past": "deadline" }),
      },
    );
  }

  const institutionError = form.fieldErrors.institutionId;
  return (
    <DialogForm
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={create.isPending}
      submitLabel={t("campaigns.form.create")}
    >
      <Field>
        <Label htmlFor={form.fieldId("institutionId")}>{labels.institutionId}</Label>
        <Select
          id={form.fieldId("institutionId")}
          value={institutionId}
          aria-invalid={institutionError ? true : undefined}
          onChange={(e) => {
            setInstitutionId(e.target.value);
            setOverviewId("");
            setSheetId("");
          }}
        >
          <Select.Option value="">{t("common.choose")}</Select.Option>
          {(institutions.data ?? []).map((i) => (
            <Select.Option key={i.id} value={i.id}>
              {i.name}
            </Select.Option>
          ))}
        </Select>
        {institutionError ? <ValidationMessage>{institutionError}</ValidationMessage> : null}
      </Field>
      <CampaignPlaceFields
        form={form}
        institutionId={institutionId}
        overviewId={overviewId}
        sheetId={sheetId}
        onOverview={(id) => {
          setOverviewId(id);
          setSheetId("");
        }}
        onSheet={setSheetId}
      />
      <FormTextfield
        form={form}
        name="deadline"
        description={t("campaigns.form.deadlineHint")}
        value={deadline}
        onValue={setDeadline}
      />
      <FormTextfield
        form={form}
        name="name"
        description={t("campaigns.form.nameHint")}
        value={name}
        onValue={setName}
      />
    </DialogForm>
  );
}
