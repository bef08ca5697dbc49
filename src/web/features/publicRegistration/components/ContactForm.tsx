import { Button, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { publicRegistrationSchema } from "../../../../contracts/registrations-public.ts";
import { formatMobile, normalizeEmail, normalizeMobile } from "../../../../domain/contact.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { isLanguage } from "../../../i18n/i18n.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { type OwnContactInput, useUpdateOwnRegistration } from "../api/updateOwnRegistration.ts";
import { fieldProblemText, serverProblems } from "../lib/problemText.ts";

type OwnRegistration = z.infer<typeof publicRegistrationSchema>;

/** The student corrects their e-mail and mobile (a new e-mail must be confirmed again); the page's language is kept with them. */
export function ContactForm({ token, registration }: { token: string; registration: OwnRegistration }) {
  const { t, i18n } = useTranslation();
  const labels = { email: t("registration.form.email"), mobile: t("registration.form.mobile") };
  const form = useFormErrors("own-contact", labels);
  const update = useUpdateOwnRegistration(token);
  const [email, setEmail] = useState(registration.email);
  const [mobile, setMobile] = useState(registration.mobile ? formatMobile(registration.mobile) : "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checkedEmail = normalizeEmail(email);
    const checkedMobile = normalizeMobile(mobile);
    const errors: Record<string, string> = {};
    if (!checkedEmail.ok) {
      errors.email = fieldProblemText(t, {
        code: checkedEmail.code,
        details: "details" in checkedEmail ? checkedEmail.details : undefined,
      });
    }
    if (!checkedMobile.ok) {
      errors.mobile = fieldProblemText(t, {
        code: checkedMobile.code,
        details: "details" in checkedMobile ? checkedMobile.details : undefined,
      });
    }
    if (!checkedEmail.ok || !checkedMobile.ok) {
      form.fail(errors);
      return;
    }
    form.reset();
    const body: OwnContactInput = { email: checkedEmail.value, mobile: checkedMobile.value };
    if (isLanguage(i18n.language)) body.language = i18n.language;
    update.mutate(
      { token, body },
      {
        onError: (error) => {
          const fields = serverProblems(t, error);
          if (Object.keys(fields).length > 0) form.fail(fields);
          else form.fail({}, errorMessage(t, error));
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <FormTextfield form={form} name="email" type="email" autoComplete="email" value={email} onValue={setEmail} />
      <FormTextfield
        form={form}
        name="mobile"
        type="tel"
        autoComplete="tel"
        description={t("registration.form.mobileHint")}
        value={mobile}
        onValue={setMobile}
      />
      <div className="button-row">
        <Button type="submit" loading={update.isPending} disabled={update.isPending}>
          {t("registration.personal.save")}
        </Button>
      </div>
      <div role="status">{update.isSuccess ? <Paragraph>{t("registration.personal.saved")}</Paragraph> : null}</div>
    </form>
  );
}
