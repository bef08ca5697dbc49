import { Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { LearningPortalListState } from "../../../../contracts/learning-portal.ts";

const colours: Record<LearningPortalListState, "warning" | "info" | "success"> = {
  needed: "warning",
  requested: "info",
  created: "success",
};

/** A person's Læringsportalen state, in words (the same words as the sheet's column). */
export function LearningPortalStateTag({ state }: { state: LearningPortalListState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={colours[state]} data-size="sm">
      {t(`overviews.learningPortal.${state}`)}
    </Tag>
  );
}
