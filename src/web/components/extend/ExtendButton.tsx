import { Button } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../lib/session.ts";
import { useAnnounce } from "../StatusMessage.tsx";
import { type ExtendCandidate, ExtendDialog } from "./ExtendDialog.tsx";

/** "Forleng praksis" for FOU: opens the extension dialog with these rows (nothing for others). */
export function ExtendButton({ candidates, label }: { candidates: readonly ExtendCandidate[]; label?: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  if (!may(me, "rows.extend")) return null;
  return (
    <>
      <Button data-size="sm" variant="secondary" disabled={candidates.length === 0} onClick={() => setOpen(true)}>
        {label ?? t("extensions.dialog.open")}
      </Button>
      <ExtendDialog
        open={open}
        candidates={candidates}
        onClose={() => setOpen(false)}
        onDone={(rows) => announce(t("extensions.dialog.done", { count: rows }))}
      />
    </>
  );
}
