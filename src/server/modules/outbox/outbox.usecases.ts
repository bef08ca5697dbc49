import type { DevMailbox, OutboxMessage } from "../../../contracts/outbox.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import { type Actor, requireMay } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { createOutboxRepository, type OutboxRow } from "./outbox.repository.ts";
import {
  type MailParams,
  type MailTemplateKey,
  type RenderedMail,
  renderMail,
  renderTexts,
} from "./outbox.templates.ts";

/** The language of a message to a person: their own choice, else the trust's default, else bokmål. */
export const recipientLanguage = (userLanguage: Language | null | undefined, trustLanguage?: Language | null) =>
  userLanguage ?? trustLanguage ?? "nb";

export interface EmailInput<K extends MailTemplateKey> {
  /** The trust the message belongs to (its admins see it in the dev mailbox). */
  trustId: string | null;
  to: string;
  /** The recipient's user id when the message goes to a person with an account. */
  userId?: string | null;
  language: Language;
  template: K;
  params: MailParams<K>;
}

/**
 * Puts e-mail into the outbox. Always pass the transaction of the change that causes the e-mail:
 * the message then exists exactly when the change does, and the worker sends it after the commit.
 */
export function createOutbox({ publicUrl, clock }: { publicUrl: string; clock: Clock }) {
  const appUrl = publicUrl.replace(/\/+$/, "");

  async function enqueueEmail<K extends MailTemplateKey>(tx: DbOrTx, input: EmailInput<K>): Promise<{ id: string }> {
    return insert(tx, input, renderMail(input.template, input.language, input.params, appUrl));
  }

  async function insert(
    tx: DbOrTx,
    input: { trustId: string | null; to: string; userId?: string | null; language: Language; template: string },
    mail: RenderedMail,
  ): Promise<{ id: string }> {
    const now = clock.now();
    return createOutboxRepository({ db: tx }).insert({
      trustId: input.trustId,
      recipientUserId: input.userId ?? null,
      recipientAddress: input.to,
      template: input.template,
      language: input.language,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      createdAt: now,
      nextAttemptAt: now,
    });
  }

  return {
    appUrl,
    enqueueEmail,

    /**
     * E-mail whose subject and text another module wrote from its own templates, in the recipient's
     * language (`template` names them for the dev mailbox). Never a national ID or a password in it.
     */
    enqueueWrittenEmail(
      tx: DbOrTx,
      input: {
        trustId: string | null;
        to: string;
        language: Language;
        template: string;
        subject: string;
        text: string;
      },
    ): Promise<{ id: string }> {
      return insert(tx, input, renderTexts({ subject: input.subject, text: input.text }, appUrl));
    },

    /**
     * E-mail to a person with an account, at their address and in their language. Nothing is sent
     * to a deactivated person (null is returned).
     */
    async enqueueEmailToUser<K extends MailTemplateKey>(
      tx: DbOrTx,
      input: { trustId: string | null; userId: string; template: K; params: MailParams<K> },
    ): Promise<{ id: string } | null> {
      const recipient = await createOutboxRepository({ db: tx }).findRecipient(input.userId, input.trustId);
      if (!recipient || recipient.deactivatedAt) return null;
      return enqueueEmail(tx, {
        trustId: input.trustId,
        to: recipient.email,
        userId: recipient.id,
        language: recipientLanguage(recipient.language, recipient.trustLanguage),
        template: input.template,
        params: input.params,
      });
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    trustId: row.trustId,
    recipientUserId: row.recipientUserId,
    to: row.recipientAddress,
    template: row.template,
    language: row.language,
    subject: row.subject,
    text: row.textBody,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "queued" ? iso(row.nextAttemptAt) : null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
  };
}

export function createOutboxUsecases({ db, smtp }: { db: Db; smtp: boolean }) {
  return {
    /**
     * The dev mailbox: the active trust's messages for its admins and for system administrators
     * (a system administrator without a trust sees every message). Newest first, at most 200.
     */
    async devMailbox(actor: Actor): Promise<DevMailbox> {
      requireMay(actor, "devMailbox.read");
      const rows = await createOutboxRepository({ db }).list(actor.trustId, 200);
      return { delivery: smtp ? "smtp" : "kept", messages: rows.map(toMessage) };
    },
  };
}
export type OutboxUsecases = ReturnType<typeof createOutboxUsecases>;
