import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/errors.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { useAnnounce } from "./StatusMessage.tsx";

/** What a delete dialog needs of the delete mutation (TanStack Query's result fits). */
export type DeleteMutation = {
  mutate: (id: string, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
};

/**
 * Asks before `item` is deleted (open while there is one), deletes it by `id`, then closes and
 * announces `deleted`. A failure stays in the dialog.
 */
export function DeleteDialog<T>({
  item,
  id,
  mutation,
  title,
  body,
  confirmLabel,
  deleted,
  onClose,
}: {
  item: T | undefined;
  id: (item: T) => string;
  mutation: DeleteMutation;
  title: (item: T | undefined) => string;
  body: (item: T | undefined) => string;
  confirmLabel?: string;
  deleted: (item: T) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  return (
    <ConfirmDialog
      open={item !== undefined}
      title={title(item)}
      body={body(item)}
      confirmLabel={confirmLabel ?? t("common.delete")}
      pending={mutation.isPending}
      error={mutation.error ? errorMessage(t, mutation.error) : null}
      onClose={onClose}
      onConfirm={() => {
        if (item === undefined) return;
        const message = deleted(item);
        mutation.mutate(id(item), {
          onSuccess: () => {
            onClose();
            announce(message);
          },
        });
      }}
    />
  );
}
