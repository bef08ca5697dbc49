import { Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { OrderState } from "../../../../contracts/orders.ts";

const colors = { draft: "warning", ordered: "success", cancelled: "neutral" } as const;

/** An order's state as a tag: Utkast, Bestilt, Kansellert. */
export function OrderStateTag({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={colors[state]} data-size="sm">
      {t(`orders.states.${state}`)}
    </Tag>
  );
}
