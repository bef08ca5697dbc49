import { Button } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The buttons in a list row's actions cell, side by side. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className="cell-actions">{children}</div>;
}

/** A row button's visible label and, naming the row for screen readers, its accessible name. */
type RowButtonProps = { name: string; onClick: () => void; label?: string; ariaLabel?: string };

/** A row's edit button ("Rediger", named "Rediger X"). */
export function EditButton({ name, onClick, label, ariaLabel }: RowButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      variant="secondary"
      data-size="sm"
      aria-label={ariaLabel ?? t("common.editNamed", { name })}
      onClick={onClick}
    >
      {label ?? t("common.edit")}
    </Button>
  );
}

/** A row's delete button ("Slett", named "Slett X"). */
export function DeleteButton({ name, onClick, label, ariaLabel }: RowButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      variant="tertiary"
      data-color="danger"
      data-size="sm"
      aria-label={ariaLabel ?? t("common.deleteNamed", { name })}
      onClick={onClick}
    >
      {label ?? t("common.delete")}
    </Button>
  );
}
