import { and, desc, eq } from "drizzle-orm";
import { outboxMessages } from "../../src/server/modules/outbox/outbox.table.ts";
import type { TestApp } from "./test-app.ts";

/** The token at the end of a public registration URL (`…/registrer/<token>`). */
export const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/**
 * The e-mail messages to an address (of one template when given), newest first; messages of one
 * moment of the test clock come in no particular order.
 */
export const mailTo = (t: TestApp, address: string, template?: string) =>
  t.database.db
    .select()
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.recipientAddress, address), template ? eq(outboxMessages.template, template) : undefined),
    )
    .orderBy(desc(outboxMessages.createdAt));

/** The tokens of the confirmation and personal page links in an e-mail's text. */
export function linksIn(text: string) {
  return {
    confirm: /\/registrer\/bekreft\/([\w-]{43})/.exec(text)?.[1],
    personal: /\/registrer\/min\/([\w-]{43})/.exec(text)?.[1],
  };
}

/** A valid form for a student; override what the test is about. */
export const studentForm = (over: Record<string, unknown> = {}) => ({
  firstName: "Kari",
  lastName: "Nordmann",
  email: "kari.nordmann@student.uib.no",
  mobile: "912 34 567",
  language: "nb",
  privacyAccepted: true,
  ...over,
});
