import { Fieldset, Radio, Switch } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type IdentityProvider,
  type IdentityProviderKind,
  identityProviderKinds,
} from "../../../../contracts/identity-providers.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreateIdentityProvider } from "../api/createIdentityProvider.ts";
import { useUpdateIdentityProvider } from "../api/updateIdentityProvider.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The issuer's rules (contracts/identity-providers.ts): https (http on this machine only), no query. */
function issuerProblem(value: string): "invalid" | "https" | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) return "https";
  if (url.search || url.hash) return "invalid";
  return null;
}

/** Adds a provider or changes one. The client secret is write-only: left empty, the stored one stays. */
export function IdentityProviderForm({
  provider,
  onSaved,
  onCancel,
}: {
  provider: IdentityProvider | null;
  onSaved: (provider: IdentityProvider) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = {
    kind: t("identityProviders.kind"),
    displayName: t("identityProviders.displayName"),
    issuer: t("identityProviders.issuer"),
    clientId: t("identityProviders.clientId"),
    clientSecret: t("identityProviders.clientSecret"),
    enabled: t("identityProviders.enabled"),
  };
  const form = useFormErrors("idp", labels);
  const create = useCreateIdentityProvider();
  const update = useUpdateIdentityProvider();
  const [kind, setKind] = useState<IdentityProviderKind>(provider?.kind ?? "entra_id");
  const [displayName, setDisplayName] = useState(provider?.displayName ?? "");
  const [issuer, setIssuer] = useState(provider?.issuer ?? "");
  const [clientId, setClientId] = useState(provider?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!displayName.trim()) errors.displayName = t("identityProviders.displayNameRequired");
    const problem = issuerProblem(issuer.trim());
    if (problem === "invalid") errors.issuer = t("identityProviders.issuerInvalid");
    if (problem === "https") errors.issuer = t("identityProviders.issuerHttps");
    if (!clientId.trim()) errors.clientId = t("identityProviders.clientIdRequired");
    if (!provider && !clientSecret) errors.clientSecret = t("identityProviders.clientSecretRequired");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    const body = {
      kind,
      displayName: displayName.trim(),
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      enabled,
      ...(clientSecret ? { clientSecret } : {}),
    };
    const fieldMessages = {
      issuer: t("identityProviders.issuerInvalid"),
      displayName: t("identityProviders.displayNameRequired"),
      clientId: t("identityProviders.clientIdRequired"),
    };
    const onError = (error: unknown) => form.failFromServer(error, {}, fieldMessages);
    if (provider) update.mutate({ id: provider.id, ...body }, { onSuccess: onSaved, onError });
    else create.mutate({ ...body, clientSecret }, { onSuccess: onSaved, onError });
  }

  const submitLabel = provider ? t("common.save") : t("identityProviders.create");
  return (
    <DialogForm form={form} onSubmit={onSubmit} onCancel={onCancel} pending={pending} submitLabel={submitLabel}>
      <Fieldset>
        <Fieldset.Legend>{labels.kind}</Fieldset.Legend>
        {identityProviderKinds.map((k) => (
          <Radio
            key={k}
            name="idp-kind"
            value={k}
            label={t(`identityProviders.kinds.${k}`)}
            description={t(`identityProviders.kinds.${k}Hint`)}
            checked={kind === k}
            onChange={() => setKind(k)}
          />
        ))}
      </Fieldset>
      <FormTextfield
        form={form}
        name="displayName"
        description={t("identityProviders.displayNameHint")}
        value={displayName}
        onValue={setDisplayName}
        autoComplete="off"
        required
      />
      <FormTextfield
        form={form}
        name="issuer"
        description={t(kind === "feide" ? "identityProviders.issuerHintFeide" : "identityProviders.issuerHintEntra")}
        type="url"
        value={issuer}
        onValue={setIssuer}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <FormTextfield
        form={form}
        name="clientId"
        value={clientId}
        onValue={setClientId}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <FormTextfield
        form={form}
        name="clientSecret"
        description={provider ? t("identityProviders.clientSecretStored") : t("identityProviders.clientSecretHint")}
        type="password"
        value={clientSecret}
        onValue={setClientSecret}
        autoComplete="new-password"
        spellCheck={false}
        required={!provider}
      />
      <Switch
        id={form.fieldId("enabled")}
        label={labels.enabled}
        description={t("identityProviders.enabledHint")}
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
    </DialogForm>
  );
}
