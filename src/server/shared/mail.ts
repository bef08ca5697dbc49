import nodemailer from "nodemailer";

/** One e-mail as the outbox hands it to the mail adapter. */
export interface OutgoingMail {
  /** Stable per outbox message, so a receiving system can drop a duplicate of a re-sent message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** The e-mail adapter (SPEC §6): SMTP now, something else later. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Sends over SMTP; `smtpUrl` as nodemailer reads it, e.g. `smtp://user:pass@mail.example:587`. */
export function createSmtpMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  // Short timeouts: a claimed message must be sent or given back well within the outbox's claim time.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}

/**
 * What went wrong, without personal data: SMTP replies often quote the recipient's address, so
 * only the error code, the reply code and the SMTP command are kept.
 */
export function describeMailError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [
    typeof e.code === "string" && /^[A-Z_]+$/.test(e.code) ? e.code : "ERROR",
    typeof e.responseCode === "number" ? String(e.responseCode) : null,
    typeof e.command === "string" && /^[A-Z ]+$/i.test(e.command) ? e.command.toUpperCase() : null,
  ];
  return parts.filter(Boolean).join(" ");
}
