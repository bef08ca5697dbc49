import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { OrderLine } from "../../../../contracts/orders.ts";
import { isApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";

/**
 * A refused decision in words: the server's message, and for lines someone else already moved
 * (409 `order_lines.state_changed`) each line by its student and system with the state it is in now.
 */
export function DecisionError({ error, lines }: { error: unknown; lines: readonly OrderLine[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const moved =
    isApiError(error) && error.code === "order_lines.state_changed" && Array.isArray(error.details?.lines)
      ? (error.details.lines as { id: string; state: OrderLine["state"] }[])
      : [];
  const byId = new Map(lines.map((l) => [l.id, l]));
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorMessage(t, error)}</Paragraph>
      {moved.length > 0 ? (
        <ul>
          {moved.map((m) => {
            const line = byId.get(m.id);
            return (
              <li key={m.id}>
                {line ? `${line.firstName} ${line.lastName}, ${line.system.name}: ` : ""}
                {t(`itQueue.states.${m.state}`)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Alert>
  );
}
