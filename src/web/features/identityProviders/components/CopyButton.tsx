import { Button } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../../../components/StatusMessage.tsx";

/** Copies a text to the clipboard and says so; where the browser does not allow it, says what to do. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  return (
    <Button
      variant="secondary"
      data-size="sm"
      aria-label={label}
      onClick={() => {
        const copy = navigator.clipboard?.writeText(text);
        if (!copy) {
          announce(t("identityProviders.copyFailed"));
          return;
        }
        copy.then(
          () => announce(t("identityProviders.copied")),
          () => announce(t("identityProviders.copyFailed")),
        );
      }}
    >
      {t("identityProviders.copy")}
    </Button>
  );
}
