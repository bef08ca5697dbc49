import { Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

/** "Arkivert", beside the name of an archived system or profile. */
export function ArchivedTag() {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color="neutral">
      {t("clinicalSystems.archived")}
    </Tag>
  );
}
