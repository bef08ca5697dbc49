import { Button, Field, Label, Paragraph, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountRequest } from "../../../../contracts/account-requests.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { type DeclinedAccountRequest, useDeclineAccountRequest } from "../api/declineAccountRequest.ts";

/** Declining needs a reason: it is sent to the person by e-mail. */
export function DeclineForm({
  request,
  onDone,
  onCancel,
}: {
  request: AccountRequest;
  onDone: (request: DeclinedAccountRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors("decline");
  const decline = useDeclineAccountRequest();
  const [reason, setReason] = useState("");
  const labels = { reason: t("accountRequests.admin.reason") };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      form.fail({ reason: t("accountRequests.admin.reasonRequired") });
      return;
    }
    if (reason.trim().length > 1000) {
      form.fail({ reason: t("accountRequests.admin.reasonTooLong") });
      return;
    }
    form.reset();
    decline.mutate(
      { id: request.id, reason: reason.trim() },
      { onSuccess: onDone, onError: (error) => form.failFromServer(error) },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <Paragraph>{t("accountRequests.admin.declineBody", { name: request.name, email: request.email })}</Paragraph>
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <Field>
        <Label htmlFor={form.fieldId("reason")}>{labels.reason}</Label>
        <Field.Description>{t("accountRequests.admin.reasonHint")}</Field.Description>
        <Textarea
          id={form.fieldId("reason")}
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={form.fieldErrors.reason ? true : undefined}
          required
        />
        {form.fieldErrors.reason ? <ValidationMessage>{form.fieldErrors.reason}</ValidationMessage> : null}
      </Field>
      <div className="button-row">
        <Button type="submit" data-color="danger" loading={decline.isPending} disabled={decline.isPending}>
          {t("accountRequests.admin.declineSubmit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
