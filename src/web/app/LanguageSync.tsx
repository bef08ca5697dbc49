import { useEffect } from "react";
import { useMatch } from "react-router";
import { applyLanguage, rememberLanguage, storedLanguage } from "../i18n/i18n.ts";
import { useMe } from "../lib/session.ts";

/**
 * The UI language: the person's own choice, else the choice made on this device (for instance on
 * the sign-in page, so that it does not switch back after signing in), else the active trust's
 * default, else bokmål. Before sign-in, the choice made on this device. The students' registration
 * pages (`/registrer/…`) choose their own (from the browser's language), so they are left alone.
 */
export function LanguageSync() {
  const { data: me, isPending } = useMe();
  const studentPage = useMatch("/registrer/*") !== null;
  const personal = me?.user.language ?? null;
  const trustDefault = me?.activeTrust?.defaultLanguage ?? null;
  const signedIn = Boolean(me);
  useEffect(() => {
    if (isPending || studentPage) return;
    if (signedIn) {
      const language = personal ?? storedLanguage() ?? trustDefault ?? "nb";
      if (personal) rememberLanguage(personal);
      applyLanguage(language);
    } else {
      applyLanguage(storedLanguage() ?? "nb");
    }
  }, [isPending, signedIn, personal, trustDefault, studentPage]);
  return null;
}
