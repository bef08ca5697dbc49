import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** Asks before something is done: deleted or removed (`tone` danger, the default), or submitted (`accent`). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  tone = "danger",
  className,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  tone?: "danger" | "accent";
  className?: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      closeButton={t("common.closeDialog")}
      aria-labelledby={headingId}
      className={className}
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      <Paragraph>{body}</Paragraph>
      {error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <div className="button-row">
        <Button
          data-color={tone === "danger" ? "danger" : undefined}
          onClick={onConfirm}
          loading={pending}
          disabled={pending}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </div>
    </Dialog>
  );
}
