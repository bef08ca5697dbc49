import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderLine } from "../../../../contracts/orders.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useImplementOrderLines } from "../api/implementOrderLines.ts";
import { DecisionError } from "./DecisionError.tsx";

/** The selected lines by person: one username each, prefilled with what is known of them. */
function byPerson(lines: readonly OrderLine[]) {
  const people = new Map<string, { personId: string; name: string; username: string; lines: OrderLine[] }>();
  for (const line of lines) {
    const person = people.get(line.personId) ?? {
      personId: line.personId,
      name: `${line.lastName}, ${line.firstName}`,
      username: line.username ?? "",
      lines: [],
    };
    person.lines.push(line);
    people.set(line.personId, person);
  }
  return [...people.values()];
}

/** "Iverksett": each person of the selected lines gets one username, recorded for every trust's lines of them. */
export function ImplementDialog({
  open,
  lines,
  onClose,
  onDone,
}: {
  open: boolean;
  lines: readonly OrderLine[];
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation();
  const implement = useImplementOrderLines();
  const people = byPerson(lines);
  const [usernames, setUsernames] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const usernameOf = (p: (typeof people)[number]) => usernames[p.personId] ?? p.username;
  const close = () => {
    implement.reset();
    setUsernames({});
    setMissing(new Set());
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set(people.filter((p) => !usernameOf(p).trim()).map((p) => p.personId));
    setMissing(empty);
    if (empty.size > 0) return;
    implement.mutate(
      { lines: people.flatMap((p) => p.lines.map((l) => ({ id: l.id, username: usernameOf(p).trim() }))) },
      {
        onSuccess: (answer) => {
          setUsernames({});
          onDone(answer.updated);
        },
      },
    );
  };
  return (
    <FormDialog open={open} title={t("itQueue.implement.title", { count: lines.length })} onClose={close}>
      <form onSubmit={submit} noValidate className="form">
        <Paragraph>{t("itQueue.implement.lead")}</Paragraph>
        {people.map((p) => (
          <fieldset key={p.personId} className="it-queue-person">
            <legend>
              <Heading level={3} data-size="2xs">
                {p.name}
              </Heading>
            </legend>
            <ul className="plain-list">
              {p.lines.map((l) => (
                <li key={l.id}>
                  {t("itQueue.implement.line", {
                    system: l.system.name,
                    role: l.role,
                    trust: l.trust.name,
                    from: formatDate(l.validFrom),
                  })}
                </li>
              ))}
            </ul>
            <Textfield
              label={t("itQueue.implement.username", { name: p.name })}
              description={
                p.lines[0]?.username && !p.lines[0].usernameVerified ? t("itQueue.implement.unverified") : undefined
              }
              value={usernameOf(p)}
              autoComplete="off"
              onChange={(e) => setUsernames((prev) => ({ ...prev, [p.personId]: e.target.value }))}
              error={missing.has(p.personId) ? t("itQueue.implement.usernameMissing") : undefined}
            />
          </fieldset>
        ))}
        <DecisionError error={implement.error} lines={lines} />
        <div className="button-row">
          <Button type="submit" loading={implement.isPending}>
            {t("itQueue.implement.submit")}
          </Button>
          <Button type="button" variant="secondary" onClick={close}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
