import { Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Sheet } from "../../../../contracts/overviews.ts";
import { formatDate } from "../../../../domain/dates.ts";

const colours: Record<Sheet["deadlineState"], "success" | "warning" | "danger" | "info"> = {
  on_time: "info",
  due_soon: "warning",
  late: "danger",
  submitted: "success",
  submitted_late: "warning",
};

/** How a sheet stands against its deadline, in colour and text. */
export function DeadlineTag({
  state,
  prefix,
  deadline,
}: {
  state: Sheet["deadlineState"];
  prefix?: string;
  /** Shown after the state while the sheet is not submitted ("I rute, frist 03.11.2026"). */
  deadline?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag data-color={colours[state]} data-size="sm" className="deadline-tag">
      {prefix ? `${prefix}: ` : ""}
      {t(`overviews.deadline.${state}`)}
      {deadline && (state === "on_time" || state === "due_soon" || state === "late")
        ? `, ${t("overviews.deadlineDetail", { date: formatDate(deadline) })}`
        : ""}
    </Tag>
  );
}
