import { useEffect } from "react";
import { applyLanguage, rememberLanguage, storedLanguage } from "../i18n/i18n.ts";
import { useMe } from "../lib/session.ts";

/**
 * The UI language: the person's own choice, else the choice made on this device (for instance on
 * the sign-in page, so that it does not switch back after signing in), else the active trust's
 * default, else bokmål. Before sign-in, the choice made on this device.
 */
export function LanguageSync() {
  const { data: me, isPending } = useMe();
  const personal = me?.user.language ?? null;
  const trustDefault = me?.activeTrust?.defaultLanguage ?? null;
  const signedIn = Boolean(me);
  useEffect(() => {
    if (isPending) return;
    if (signedIn) {
      const language = personal ?? storedLanguage() ?? trustDefault ?? "nb";
      if (personal) rememberLanguage(personal);
      applyLanguage(language);
    } else {
      applyLanguage(storedLanguage() ?? "nb");
    }
  }, [isPending, signedIn, personal, trustDefault]);
  return null;
}
