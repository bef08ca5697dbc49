import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Campaign, personalLinkSchema } from "../../../../contracts/registrations.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { typedDate } from "../../../lib/problems.ts";
import { useCreatePersonalLink } from "../api/createPersonalLink.ts";
import { CopyField } from "./CopyField.tsx";

type PersonalLink = z.infer<typeof personalLinkSchema>;

/** A link for one late student that works after the deadline; its address is shown this once. */
export function PersonalLinkForm({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = { note: t("campaigns.personalLink.note"), validUntil: t("campaigns.personalLink.validUntil") };
  const form = useFormErrors("personal-link", labels);
  const create = useCreatePersonalLink();
  const [note, setNote] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [link, setLink] = useState<PersonalLink | null>(null);

  if (link) {
    return (
      <div className="form">
        <Alert data-color="info">
          <Paragraph>{t("campaigns.personalLink.shownOnce")}</Paragraph>
        </Alert>
        <CopyField
          id="personal-link-url"
          label={t("campaigns.personalLink.url", { note: link.note })}
          value={link.url}
        />
        <div className="button-row">
          <Button onClick={onClose}>{t("campaigns.personalLink.done")}</Button>
        </div>
      </div>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!note.trim()) errors.note = t("campaigns.personalLink.noteRequired");
    const { date, error } = typedDate(t, validUntil);
    if (error) errors.validUntil = error;
    if (date === null || Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    create.mutate(
      { campaignId: campaign.id, note: note.trim(), validUntil: date },
      { onSuccess: setLink, onError: (e) => form.failFromServer(e) },
    );
  }

  return (
    <DialogForm
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      pending={create.isPending}
      submitLabel={t("campaigns.personalLink.create")}
    >
      <FormTextfield
        form={form}
        name="note"
        description={t("campaigns.personalLink.noteHint")}
        value={note}
        onValue={setNote}
      />
      <FormTextfield
        form={form}
        name="validUntil"
        description={t("campaigns.personalLink.validUntilHint")}
        value={validUntil}
        onValue={setValidUntil}
      />
    </DialogForm>
  );
}
