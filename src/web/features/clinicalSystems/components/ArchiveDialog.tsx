import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { errorMessage } from "../../../lib/errors.ts";

/**
 * Asks before a system or profile is archived (or restored): what archiving means, and the
 * server's refusal when something still uses it. Open while `item` is given.
 */
export function ArchiveDialog({
  item,
  kind,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  item: { name: string; archived: boolean } | undefined;
  kind: "system" | "profile";
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = item?.archived ? "restore" : "archive";
  return (
    <ConfirmDialog
      open={item !== undefined}
      title={t(`clinicalSystems.${action}.${kind}Title`, { name: item?.name ?? "" })}
      body={t(`clinicalSystems.${action}.${kind}Body`, { name: item?.name ?? "" })}
      confirmLabel={t(`clinicalSystems.${action}.confirm`)}
      tone={action === "archive" ? "danger" : "accent"}
      pending={pending}
      error={error ? errorMessage(t, error) : null}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
