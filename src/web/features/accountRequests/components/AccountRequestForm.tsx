import {
  Button,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textarea,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isEmail } from "../../../../contracts/common.ts";
import { heldForInstitution, type RequestableRole, requestableRoles } from "../../../../contracts/policies.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { compareText } from "../../../lib/format.ts";
import { noticeTexts } from "../../../lib/notices.ts";
import type { PublicTrust } from "../api/listPublicTrusts.ts";
import { useSubmitAccountRequest } from "../api/submitAccountRequest.ts";

const MESSAGE_MAX = 1000;

/**
 * The public form for asking for access. What is typed stays when the server says no (a field
 * error, too many requests), so that the person only fixes what is wrong.
 */
export function AccountRequestForm({
  trusts,
  onSent,
}: {
  trusts: PublicTrust[];
  /** With the translated notices of the answer (national IDs masked in the name or message). */
  onSent: (trust: PublicTrust, notices: string[]) => void;
}) {
  const { t } = useTranslation();
  const labels = {
    name: t("accountRequests.form.name"),
    email: t("accountRequests.form.email"),
    trustId: t("accountRequests.form.trust"),
    role: t("accountRequests.form.roleShort"),
    institutionId: t("accountRequests.form.institution"),
    message: t("accountRequests.form.message"),
  };
  const form = useFormErrors("request", labels);
  const submit = useSubmitAccountRequest();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [trustId, setTrustId] = useState(trusts.length === 1 ? (trusts[0]?.id ?? "") : "");
  const [role, setRole] = useState<RequestableRole | "">("");
  const [institutionId, setInstitutionId] = useState("");
  const [message, setMessage] = useState("");

  const trust = trusts.find((x) => x.id === trustId);
  const institutions = [...(trust?.institutions ?? [])].sort((a, b) => compareText(a.name, b.name));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("accountRequests.form.nameRequired");
    if (!isEmail(email.trim())) errors.email = t("accountRequests.form.emailInvalid");
    if (!trust) errors.trustId = t("accountRequests.form.trustRequired");
    if (!role) errors.role = t("accountRequests.form.roleRequired");
    if (heldForInstitution(role) && !institutionId)
      errors.institutionId = t("accountRequests.form.institutionRequired");
    if (message.trim().length > MESSAGE_MAX) errors.message = t("accountRequests.form.messageTooLong");
    if (Object.keys(errors).length > 0 || !trust || !role) {
      form.fail(errors);
      return;
    }
    form.reset();
    submit.mutate(
      {
        trustId: trust.id,
        name: name.trim(),
        email: email.trim(),
        role,
        institutionId: heldForInstitution(role) ? institutionId : null,
        ...(message.trim() ? { message: message.trim() } : {}),
      },
      {
        onSuccess: (answer) => onSent(trust, noticeTexts(t, answer.notices)),
        onError: (error) => {
          form.failFromServer(
            error,
            { "account_requests.no_agreement": "institutionId" },
            {
              name: t("accountRequests.form.nameRequired"),
              email: t("accountRequests.form.emailInvalid"),
              institutionId: t("accountRequests.form.institutionRequired"),
              message: t("accountRequests.form.messageTooLong"),
            },
          );
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <FormTextfield form={form} name="name" autoComplete="name" value={name} onValue={setName} required />
      <FormTextfield
        form={form}
        name="email"
        description={t("accountRequests.form.emailHint")}
        type="email"
        autoComplete="email"
        value={email}
        onValue={setEmail}
        required
      />
      <Field>
        <Label htmlFor={form.fieldId("trustId")}>{labels.trustId}</Label>
        <Field.Description>{t("accountRequests.form.trustHint")}</Field.Description>
        <Select
          id={form.fieldId("trustId")}
          value={trustId}
          onChange={(e) => {
            setTrustId(e.target.value);
            setInstitutionId("");
          }}
          aria-invalid={form.fieldErrors.trustId ? true : undefined}
          required
        >
          <Select.Option value="">{t("common.choose")}</Select.Option>
          {trusts.map((x) => (
            <Select.Option key={x.id} value={x.id}>
              {x.name}
            </Select.Option>
          ))}
        </Select>
        {form.fieldErrors.trustId ? <ValidationMessage>{form.fieldErrors.trustId}</ValidationMessage> : null}
      </Field>
      <Fieldset id={form.fieldId("role")} tabIndex={-1} aria-invalid={form.fieldErrors.role ? true : undefined}>
        <Fieldset.Legend>{t("accountRequests.form.role")}</Fieldset.Legend>
        {requestableRoles.map((r) => (
          <Radio
            key={r}
            name="request-role"
            value={r}
            label={t(`accountRequests.roles.${r}`)}
            description={t(`accountRequests.roles.${r}Hint`)}
            checked={role === r}
            onChange={() => setRole(r)}
          />
        ))}
        {form.fieldErrors.role ? <ValidationMessage>{form.fieldErrors.role}</ValidationMessage> : null}
      </Fieldset>
      {heldForInstitution(role) ? (
        <Field>
          <Label htmlFor={form.fieldId("institutionId")}>{labels.institutionId}</Label>
          {trust ? null : <Field.Description>{t("accountRequests.form.chooseTrustFirst")}</Field.Description>}
          <Select
            id={form.fieldId("institutionId")}
            value={institutionId}
            onChange={(e) => setInstitutionId(e.target.value)}
            aria-invalid={form.fieldErrors.institutionId ? true : undefined}
            required
          >
            <Select.Option value="">{t("common.choose")}</Select.Option>
            {institutions.map((i) => (
              <Select.Option key={i.id} value={i.id}>
                {i.name} ({i.shortName})
              </Select.Option>
            ))}
          </Select>
          {form.fieldErrors.institutionId ? (
            <ValidationMessage>{form.fieldErrors.institutionId}</ValidationMessage>
          ) : null}
        </Field>
      ) : null}
      <Field>
        <Label htmlFor={form.fieldId("message")}>{labels.message}</Label>
        <Field.Description>{t("accountRequests.form.messageHint")}</Field.Description>
        <Textarea
          id={form.fieldId("message")}
          rows={4}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-invalid={form.fieldErrors.message ? true : undefined}
        />
        {form.fieldErrors.message ? <ValidationMessage>{form.fieldErrors.message}</ValidationMessage> : null}
      </Field>
      <div className="button-row">
        <Button type="submit" loading={submit.isPending} disabled={submit.isPending}>
          {t("accountRequests.form.submit")}
        </Button>
      </div>
    </form>
  );
}
