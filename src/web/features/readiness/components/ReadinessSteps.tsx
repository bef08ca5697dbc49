import { useTranslation } from "react-i18next";
import type { ReadinessItem } from "../../../../contracts/orders.ts";
import { formatDate } from "../../../lib/format.ts";

export const stepKeys = ["registered", "transferred", "ordered", "approved", "implemented", "usernameSent"] as const;

/** A student's steps as one compact line: each step done (with its date) or not yet. */
export function ReadinessSteps({ item }: { item: ReadinessItem }) {
  const { t } = useTranslation();
  return (
    <ol className="readiness-steps">
      {stepKeys.map((key) => {
        const at = item.steps[key];
        const rejected = item.orderState === "rejected" && (key === "approved" || key === "implemented") && !at;
        return (
          <li key={key} data-state={at ? "done" : rejected ? "rejected" : "waiting"}>
            <span aria-hidden="true">{at ? "✓" : rejected ? "✕" : "○"}</span> {t(`readiness.steps.${key}`)}
            {at ? ` ${formatDate(at)}` : rejected ? ` – ${t("readiness.rejected")}` : ""}
            <span className="ds-sr-only">{at ? "" : rejected ? "" : ` – ${t("readiness.notYet")}`}</span>
          </li>
        );
      })}
    </ol>
  );
}
