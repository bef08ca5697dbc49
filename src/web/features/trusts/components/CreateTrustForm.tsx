import { Button, Fieldset } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isEmail } from "../../../../contracts/common.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateTrust } from "../api/createTrust.ts";

export function CreateTrustForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const labels = {
    name: t("trusts.name"),
    "firstAdmin.name": t("trusts.adminName"),
    "firstAdmin.email": t("trusts.adminEmail"),
  };
  const form = useFormErrors("new-trust", labels);
  const create = useCreateTrust();
  const [name, setName] = useState("");
  const [adminName, setAdminName] = useState("");
  const [adminEmail, setAdminEmail] = useState("");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t("trusts.nameRequired");
    if (!adminName.trim()) errors["firstAdmin.name"] = t("trusts.adminNameRequired");
    if (!isEmail(adminEmail.trim())) errors["firstAdmin.email"] = t("trusts.adminEmailInvalid");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    const trustName = name.trim();
    create.mutate(
      { name: trustName, firstAdmin: { name: adminName.trim(), email: adminEmail.trim() } },
      {
        onSuccess: () => {
          setName("");
          setAdminName("");
          setAdminEmail("");
          announce(t("trusts.created", { name: trustName }));
        },
        onError: (error) => form.failFromServer(error, { "trusts.name_taken": "name" }),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <FormTextfield form={form} name="name" description={t("trusts.nameHint")} value={name} onValue={setName} />
      <Fieldset>
        <Fieldset.Legend>{t("trusts.firstAdminHeading")}</Fieldset.Legend>
        <Fieldset.Description>{t("trusts.firstAdminHint")}</Fieldset.Description>
        <div className="form">
          <FormTextfield
            form={form}
            name="firstAdmin.name"
            autoComplete="off"
            value={adminName}
            onValue={setAdminName}
          />
          <FormTextfield
            form={form}
            name="firstAdmin.email"
            type="email"
            autoComplete="off"
            value={adminEmail}
            onValue={setAdminEmail}
          />
        </div>
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t("trusts.create")}
        </Button>
      </div>
    </form>
  );
}
