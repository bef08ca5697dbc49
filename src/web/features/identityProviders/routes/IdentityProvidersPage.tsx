import { Button, Card, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { IdentityProvider } from "../../../../contracts/identity-providers.ts";
import { DeleteDialog } from "../../../components/DeleteDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { ListState } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { DeleteButton, EditButton } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { compareText } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useDeleteIdentityProvider } from "../api/deleteIdentityProvider.ts";
import { useIdentityProviders } from "../api/listIdentityProviders.ts";
import { useUpdateIdentityProvider } from "../api/updateIdentityProvider.ts";
import { CopyButton } from "../components/CopyButton.tsx";
import { IdentityProviderForm } from "../components/IdentityProviderForm.tsx";
import "../identityProviders.css";

type DialogState =
  | { kind: "new" }
  | { kind: "edit"; provider: IdentityProvider }
  | { kind: "delete"; provider: IdentityProvider };

export function IdentityProvidersPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "identityProviders.manage")}>
      <IdentityProviders />
    </AccessGate>
  );
}

/** /admin/innlogging — sign-in through Entra ID (the trust's staff) and Feide (the institutions' staff). */
function IdentityProviders() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const providers = useIdentityProviders();
  const update = useUpdateIdentityProvider();
  const remove = useDeleteIdentityProvider();
  const { dialog, open: setDialog, close } = useDialog<DialogState>(remove);
  const sorted = [...(providers.data ?? [])].sort((a, b) => compareText(a.displayName, b.displayName));

  function toggle(p: IdentityProvider) {
    update.mutate(
      { id: p.id, enabled: !p.enabled },
      {
        onSuccess: (saved) =>
          announce(
            t(saved.enabled ? "identityProviders.turnedOn" : "identityProviders.turnedOff", {
              name: saved.displayName,
            }),
          ),
        onError: (error) => announce(errorMessage(t, error)),
      },
    );
  }

  return (
    <Page title={t("identityProviders.title")} lead={<Paragraph>{t("identityProviders.lead")}</Paragraph>}>
      <div className="toolbar">
        <Paragraph data-size="sm">{t("identityProviders.howTo")}</Paragraph>
        <Button onClick={() => setDialog({ kind: "new" })}>{t("identityProviders.new")}</Button>
      </div>
      <ListState
        load={{ isPending: providers.isPending, error: providers.error, retry: () => void providers.refetch() }}
        isEmpty={sorted.length === 0}
        empty={<Paragraph>{t("identityProviders.empty")}</Paragraph>}
      >
        <ul className="card-list">
          {sorted.map((p) => (
            <li key={p.id}>
              <Card className="card-body">
                <div className="idp-title">
                  <Heading level={2} data-size="xs">
                    {p.displayName}
                  </Heading>
                  <Tag data-size="sm" data-color="neutral">
                    {t(`identityProviders.kinds.${p.kind}`)}
                  </Tag>
                  <Tag data-size="sm" data-color={p.enabled ? "success" : "warning"}>
                    {p.enabled ? t("identityProviders.on") : t("identityProviders.off")}
                  </Tag>
                </div>
                <dl className="idp-facts">
                  <div>
                    <dt>{t("identityProviders.issuer")}</dt>
                    <dd>{p.issuer}</dd>
                  </div>
                  <div>
                    <dt>{t("identityProviders.clientId")}</dt>
                    <dd>{p.clientId}</dd>
                  </div>
                  <div>
                    <dt>{t("identityProviders.clientSecret")}</dt>
                    <dd>{t("identityProviders.secretStored")}</dd>
                  </div>
                  <div className="idp-redirect">
                    <dt>{t("identityProviders.redirectUri")}</dt>
                    <dd>
                      <code>{p.redirectUri}</code>
                      <CopyButton
                        text={p.redirectUri}
                        label={t("identityProviders.copyNamed", { name: p.displayName })}
                      />
                    </dd>
                  </div>
                </dl>
                <Paragraph data-size="sm" className="muted">
                  {t("identityProviders.redirectHint")}
                </Paragraph>
                <div className="button-row">
                  <EditButton name={p.displayName} onClick={() => setDialog({ kind: "edit", provider: p })} />
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => toggle(p)}
                    disabled={update.isPending}
                    aria-label={t(p.enabled ? "identityProviders.turnOffNamed" : "identityProviders.turnOnNamed", {
                      name: p.displayName,
                    })}
                  >
                    {p.enabled ? t("identityProviders.turnOff") : t("identityProviders.turnOn")}
                  </Button>
                  <DeleteButton name={p.displayName} onClick={() => setDialog({ kind: "delete", provider: p })} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </ListState>

      <FormDialog
        open={dialog?.kind === "new" || dialog?.kind === "edit"}
        title={
          dialog?.kind === "edit"
            ? t("identityProviders.editTitle", { name: dialog.provider.displayName })
            : t("identityProviders.new")
        }
        onClose={close}
      >
        <IdentityProviderForm
          provider={dialog?.kind === "edit" ? dialog.provider : null}
          onCancel={close}
          onSaved={(saved) => {
            const created = dialog?.kind === "new";
            close();
            announce(t(created ? "identityProviders.created" : "identityProviders.saved", { name: saved.displayName }));
          }}
        />
      </FormDialog>
      <DeleteDialog
        item={dialog?.kind === "delete" ? dialog.provider : undefined}
        id={(p) => p.id}
        mutation={remove}
        title={(p) => (p ? t("identityProviders.deleteTitle", { name: p.displayName }) : "")}
        body={() => t("identityProviders.deleteBody")}
        deleted={(p) => t("identityProviders.deleted", { name: p.displayName })}
        onClose={close}
      />
    </Page>
  );
}
