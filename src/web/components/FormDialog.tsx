import { Dialog, Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

/** A modal dialog holding one form, named by its heading. */
export function FormDialog({
  open,
  title,
  onClose,
  className = "form-dialog",
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
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
      {open ? children : null}
    </Dialog>
  );
}
