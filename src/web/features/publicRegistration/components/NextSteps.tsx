import { useTranslation } from "react-i18next";

/** What happens after registering (SPEC §3.1 step 7). */
export function NextSteps() {
  const { t } = useTranslation();
  return (
    <ol className="next-steps">
      <li>{t("registration.next.transfer")}</li>
      <li>{t("registration.next.username")}</li>
      <li>{t("registration.next.password")}</li>
    </ol>
  );
}
