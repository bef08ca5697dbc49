import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { idportenIdentitySchema, PublicCampaign } from "../../../../contracts/registrations-public.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { isLanguage } from "../../../i18n/i18n.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useSubmitRegistration } from "../api/submitRegistration.ts";
import {
  checkRegistration,
  emptyRegistration,
  type RegistrationField,
  type RegistrationInput,
  registrationFields,
} from "../lib/formRules.ts";
import { fieldProblemText, serverProblems } from "../lib/problemText.ts";
import { PrivacyNotice } from "./PrivacyNotice.tsx";

type Identity = z.infer<typeof idportenIdentitySchema>;

/**
 * The student's form: name, contact details, a national ID or (for a student with neither) birth
 * date, nationality and home institution, an earlier Helse Vest username and the privacy notice.
 * Checked here by the server's rules before it is sent; the server's refusals reach their fields.
 * With ID-porten's `identity` the name and national ID come verified and are not typed.
 */
export function RegistrationForm({
  token,
  campaign,
  identity,
  onRegistered,
}: {
  token: string;
  campaign: PublicCampaign;
  identity: { oneTime: string; person: Identity } | null;
  onRegistered: (email: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels: Record<RegistrationField, string> = {
    firstName: t("registration.form.firstName"),
    lastName: t("registration.form.lastName"),
    email: t("registration.form.email"),
    mobile: t("registration.form.mobile"),
    nationalId: t("registration.form.nationalId"),
    birthDate: t("registration.form.birthDate"),
    nationality: t("registration.form.nationality"),
    homeInstitution: t("registration.form.homeInstitution"),
    earlierUsername: t("registration.form.earlierUsername"),
    privacyAccepted: t("registration.form.privacyAccepted"),
  };
  const form = useFormErrors("registration", labels);
  const submit = useSubmitRegistration();
  const [input, setInput] = useState<RegistrationInput>(emptyRegistration);
  const set =
    <K extends keyof RegistrationInput>(key: K) =>
    (value: RegistrationInput[K]) =>
      setInput((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const language = isLanguage(i18n.language) ? i18n.language : "nb";
    const typed = identity
      ? { ...input, firstName: identity.person.firstName, lastName: identity.person.lastName }
      : input;
    const { problems, body } = checkRegistration(typed, {
      testMode: campaign.testMode,
      language,
      idportenToken: identity?.oneTime ?? null,
    });
    if (!body) {
      const errors: Record<string, string> = {};
      for (const field of registrationFields) {
        const problem = problems[field];
        if (problem) errors[field] = fieldProblemText(t, problem);
      }
      form.fail(errors);
      return;
    }
    form.reset();
    submit.mutate(
      { token, body },
      {
        onSuccess: (answer) => onRegistered(answer.email),
        onError: (error) => {
          const fields = serverProblems(t, error);
          if (Object.keys(fields).length > 0) form.fail(fields);
          else form.fail({}, errorMessage(t, error));
        },
      },
    );
  }

  const text = (name: RegistrationField, extra: Partial<Parameters<typeof FormTextfield>[0]> = {}) => (
    <FormTextfield
      form={form}
      name={name}
      value={String(input[name as keyof RegistrationInput] ?? "")}
      onValue={(value) => setInput((current) => ({ ...current, [name]: value }))}
      {...extra}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form registration-form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      {identity ? (
        <section className="verified-identity" aria-labelledby="verified-heading">
          <Heading level={2} data-size="xs" id="verified-heading">
            {t("registration.idporten.verifiedHeading")}
          </Heading>
          <Paragraph>
            {identity.person.firstName} {identity.person.lastName}, {identity.person.nationalIdMasked}
          </Paragraph>
        </section>
      ) : (
        <>
          {text("firstName", { autoComplete: "given-name", required: true })}
          {text("lastName", { autoComplete: "family-name", required: true })}
        </>
      )}
      {text("email", {
        type: "email",
        autoComplete: "email",
        spellCheck: false,
        required: true,
        description: t("registration.form.emailHint"),
      })}
      {text("mobile", {
        type: "tel",
        autoComplete: "tel",
        required: true,
        description: t("registration.form.mobileHint"),
      })}
      {identity ? null : (
        <>
          <Fieldset>
            <Fieldset.Legend>{t("registration.form.hasNationalId")}</Fieldset.Legend>
            <Radio
              name="has-national-id"
              value="yes"
              label={t("registration.form.hasNationalIdYes")}
              checked={input.hasNationalId}
              onChange={() => set("hasNationalId")(true)}
            />
            <Radio
              name="has-national-id"
              value="no"
              label={t("registration.form.hasNationalIdNo")}
              checked={!input.hasNationalId}
              onChange={() => set("hasNationalId")(false)}
            />
          </Fieldset>
          {input.hasNationalId ? (
            text("nationalId", {
              inputMode: "numeric",
              autoComplete: "off",
              required: true,
              description: t("registration.form.nationalIdHint"),
            })
          ) : (
            <>
              {text("birthDate", {
                autoComplete: "bday",
                required: true,
                description: t("registration.form.birthDateHint"),
              })}
              {text("nationality", { autoComplete: "country-name", required: true })}
              {text("homeInstitution", { required: true, description: t("registration.form.homeInstitutionHint") })}
            </>
          )}
        </>
      )}
      {text("earlierUsername", {
        autoComplete: "off",
        spellCheck: false,
        description: t("registration.form.earlierUsernameHint"),
      })}
      <PrivacyNotice campaign={campaign} />
      <Checkbox
        id={form.fieldId("privacyAccepted")}
        label={labels.privacyAccepted}
        checked={input.privacyAccepted}
        error={form.fieldErrors.privacyAccepted}
        onChange={(e) => set("privacyAccepted")(e.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={submit.isPending} disabled={submit.isPending}>
          {t("registration.form.submit")}
        </Button>
      </div>
    </form>
  );
}
