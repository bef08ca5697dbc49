import { Alert, Details, Link as DsLink, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxMessage, OutboxStatus } from "../../../../contracts/outbox.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { matchesSearch } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useListParams } from "../../../lib/useListParams.ts";
import { useDevMailbox } from "../api/getDevMailbox.ts";
import "../devMailbox.css";

const statusColor: Record<OutboxStatus, "info" | "success" | "danger" | "warning" | "neutral"> = {
  queued: "info",
  sending: "info",
  sent: "success",
  failed: "danger",
  kept: "neutral",
};

export function DevMailboxPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "devMailbox.read")}>
      <DevMailbox />
    </AccessGate>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;
/** Punctuation right after an address ends the sentence, not the address. */
const TRAILING = /[.,;:!?)]+$/;

/** The text of a message as it was written, with its web addresses as links (e.g. an invitation). */
function Body({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  text.split(URL_PATTERN).forEach((part, i) => {
    if (i % 2 === 0) {
      parts.push(part);
      return;
    }
    const tail = TRAILING.exec(part)?.[0] ?? "";
    const url = tail ? part.slice(0, -tail.length) : part;
    parts.push(
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
      <DsLink key={i} href={url}>
        {url}
      </DsLink>,
      tail,
    );
  });
  return <pre className="mail-body">{parts}</pre>;
}

function DevMailbox() {
  const { t } = useTranslation();
  const mailbox = useDevMailbox();
  const list = useListParams(["time"] as const, "time");
  const messages = mailbox.data?.messages ?? [];
  const shown = messages.filter((m) => matchesSearch(list.query, m.to, m.subject));

  return (
    <Page title={t("devMailbox.title")} lead={<Paragraph>{t("devMailbox.lead")}</Paragraph>}>
      {mailbox.isPending ? (
        <Loading />
      ) : mailbox.error ? (
        <LoadError error={mailbox.error} onRetry={() => void mailbox.refetch()} />
      ) : (
        <>
          <Alert data-color={mailbox.data.delivery === "smtp" ? "success" : "info"}>
            <Paragraph>
              {mailbox.data.delivery === "smtp" ? t("devMailbox.deliverySmtp") : t("devMailbox.deliveryKept")}
            </Paragraph>
          </Alert>
          {messages.length === 0 ? (
            <Paragraph>{t("devMailbox.empty")}</Paragraph>
          ) : (
            <>
              <div className="toolbar">
                <SearchField label={t("devMailbox.search")} value={list.query} onChange={list.setQuery} />
              </div>
              <Paragraph data-size="sm" aria-live="polite">
                {t("common.showing", { shown: shown.length, total: messages.length })}
              </Paragraph>
              {shown.length === 0 ? (
                <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
              ) : (
                <ul className="mail-list" aria-label={t("devMailbox.listLabel")}>
                  {shown.map((m) => (
                    <MailItem key={m.id} message={m} />
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}

function MailItem({ message: m }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  return (
    <li className="mail-item">
      <Details>
        <Details.Summary>
          <span className="mail-summary">
            <span className="mail-subject">{m.subject}</span>
            <span className="mail-meta">
              <span>
                <span className="ds-sr-only">{t("devMailbox.to")}: </span>
                {m.to}
              </span>
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              <Tag data-size="sm" data-color={statusColor[m.status]}>
                {t(`devMailbox.status.${m.status}`)}
              </Tag>
            </span>
          </span>
        </Details.Summary>
        <Details.Content>
          <dl className="mail-facts">
            <div>
              <dt>{t("devMailbox.to")}</dt>
              <dd>{m.to}</dd>
            </div>
            <div>
              <dt>{t("devMailbox.created")}</dt>
              <dd>{formatDateTime(m.createdAt)}</dd>
            </div>
            <div>
              <dt>{t("devMailbox.statusLabel")}</dt>
              <dd>{t(`devMailbox.status.${m.status}`)}</dd>
            </div>
            <div>
              <dt>{t("devMailbox.attempts")}</dt>
              <dd>{m.attempts}</dd>
            </div>
            {m.sentAt ? (
              <div>
                <dt>{t("devMailbox.sentAt")}</dt>
                <dd>{formatDateTime(m.sentAt)}</dd>
              </div>
            ) : null}
            {m.nextAttemptAt && m.status !== "sent" ? (
              <div>
                <dt>{t("devMailbox.nextAttempt")}</dt>
                <dd>{formatDateTime(m.nextAttemptAt)}</dd>
              </div>
            ) : null}
            {m.lastError ? (
              <div>
                <dt>{t("devMailbox.lastError")}</dt>
                <dd>{m.lastError}</dd>
              </div>
            ) : null}
          </dl>
          <Body text={m.text} />
        </Details.Content>
      </Details>
    </li>
  );
}
