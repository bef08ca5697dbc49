import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Campaign } from "../../../../contracts/registrations.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { typedDate } from "../../../lib/problems.ts";
import { useUpdateCampaign } from "../api/updateCampaign.ts";

/** Extends (or moves) the campaign's deadline: the link works until 23:59 that day. */
export function DeadlineForm({
  campaign,
  onSaved,
  onCancel,
}: {
  campaign: Campaign;
  onSaved: (campaign: Campaign) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = { deadline: t("campaigns.form.deadline") };
  const form = useFormErrors("campaign-deadline", labels);
  const update = useUpdateCampaign();
  const [deadline, setDeadline] = useState(formatDate(campaign.deadline));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { date, error } = typedDate(t, deadline);
    if (date === null) {
      form.fail({ deadline: error });
      return;
    }
    form.reset();
    update.mutate({ id: campaign.id, deadline: date }, { onSuccess: onSaved, onError: (e) => form.failFromServer(e) });
  }

  return (
    <DialogForm
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={update.isPending}
      submitLabel={t("common.save")}
    >
      <FormTextfield
        form={form}
        name="deadline"
        description={t("campaigns.form.deadlineHint")}
        value={deadline}
        onValue={setDeadline}
      />
    </DialogForm>
  );
}
