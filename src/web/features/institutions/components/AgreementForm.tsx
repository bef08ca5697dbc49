import { Field, Label, Paragraph, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Agreement, Institution } from "../../../../contracts/institutions.ts";
import { allows } from "../../../../contracts/policies.ts";
import type { User } from "../../../../contracts/users.ts";
import { FormButtons } from "../../../components/FormButtons.tsx";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { compareText } from "../../../lib/format.ts";
import { useCreateAgreement } from "../api/createAgreement.ts";
import { useUpdateAgreement } from "../api/updateAgreement.ts";

/**
 * Creates the agreement with an institution, or changes its FOU contacts. Contacts are chosen
 * among the trust's student administrators.
 */
export function AgreementForm({
  institution,
  agreement,
  users,
  onSaved,
  onCancel,
}: {
  institution: Institution;
  agreement?: Agreement;
  users: User[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`agreement-${institution.id}`);
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const [mainContactId, setMain] = useState(agreement?.mainContact?.id ?? "");
  const [deputyContactId, setDeputy] = useState(agreement?.deputyContact?.id ?? "");
  const pending = create.isPending || update.isPending;
  const labels = { mainContactId: t("agreements.mainContact"), deputyContactId: t("agreements.deputyContact") };

  const candidates = users
    .filter((u) => u.active && u.memberships.some((m) => allows([m.role], "agreements.contact")))
    .sort((a, b) => compareText(a.name, b.name));
  // Keep a current contact selectable even if they no longer have the role.
  for (const current of [agreement?.mainContact, agreement?.deputyContact]) {
    if (current && !candidates.some((c) => c.id === current.id)) {
      candidates.push({ ...current, active: true, hasPassword: false, memberships: [] });
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mainContactId && mainContactId === deputyContactId) {
      form.fail({ deputyContactId: t("agreements.sameContact") });
      return;
    }
    form.reset();
    const body = { mainContactId: mainContactId || null, deputyContactId: deputyContactId || null };
    const options = { onSuccess: onSaved, onError: (error: unknown) => form.failFromServer(error) };
    if (agreement) update.mutate({ id: agreement.id, ...body }, options);
    else create.mutate({ institutionId: institution.id, ...body }, options);
  }

  const select = (name: "mainContactId" | "deputyContactId", value: string, onChange: (v: string) => void) => (
    <Field>
      <Label htmlFor={form.fieldId(name)}>{labels[name]}</Label>
      <Select
        id={form.fieldId(name)}
        value={value}
        aria-invalid={form.fieldErrors[name] ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <Select.Option value="">{t("agreements.noContact")}</Select.Option>
        {candidates.map((u) => (
          <Select.Option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </Select.Option>
        ))}
      </Select>
      {form.fieldErrors[name] ? <ValidationMessage>{form.fieldErrors[name]}</ValidationMessage> : null}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <Paragraph>{t("agreements.formIntro", { institution: institution.name })}</Paragraph>
      {candidates.length === 0 ? <Paragraph>{t("agreements.noCandidates")}</Paragraph> : null}
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      {select("mainContactId", mainContactId, setMain)}
      {select("deputyContactId", deputyContactId, setDeputy)}
      <FormButtons
        submitLabel={agreement ? t("common.save") : t("agreements.create")}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
