import { Button, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { normalizeEmail } from "../../../../domain/contact.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useResendLink } from "../api/resendLink.ts";
import { fieldProblemText } from "../lib/problemText.ts";

/**
 * "I didn't get the e-mail" / "I lost my link": sends the confirmation or the personal link again
 * to the address on record. The answer is the same whether or not the address is known.
 */
export function ResendForm({ campaignToken, email: initial = "" }: { campaignToken: string; email?: string }) {
  const { t } = useTranslation();
  const labels = { email: t("registration.form.email") };
  const form = useFormErrors("resend", labels);
  const resend = useResendLink();
  const [email, setEmail] = useState(initial);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = normalizeEmail(email);
    if (!checked.ok) {
      form.fail({
        email: fieldProblemText(t, { code: checked.code, details: "details" in checked ? checked.details : undefined }),
      });
      return;
    }
    form.reset();
    resend.mutate({ email: checked.value, campaignToken }, { onError: (error) => form.failFromServer(error) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <FormTextfield form={form} name="email" type="email" autoComplete="email" value={email} onValue={setEmail} />
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={resend.isPending} disabled={resend.isPending}>
          {t("registration.resend.submit")}
        </Button>
      </div>
      <div role="status">{resend.isSuccess ? <Paragraph>{t("registration.resend.sent")}</Paragraph> : null}</div>
    </form>
  );
}
