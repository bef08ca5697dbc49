import { Link as DsLink, Heading, List, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type AccessibilityContact, isWebAddress } from "../../../../contracts/trusts.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { useMe } from "../../../lib/session.ts";
import { useAccessibilityContacts } from "../api/listAccessibilityContacts.ts";
import "../accessibility.css";

/** The day this statement was last assessed and written; change it with the statement. */
export const STATEMENT_DATE = "2026-12-01";

const met = ["automatic", "keyboard", "focus", "reflow", "language", "media"] as const;
const notMet = ["timeout", "screenReader", "untested", "excel"] as const;

/**
 * `/tilgjengelighet`, for everyone: the accessibility statement public bodies in Norway publish
 * (uutilsynet's tilgjengelighetserklæring): how far WCAG 2.1 A and AA are met, what is known not
 * to be, how it was tested, its date, and whom to contact (the trust's setting).
 */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("accessibility.title")} lead={<Paragraph>{t("accessibility.lead")}</Paragraph>}>
      <Section id="statement-status" heading={t("accessibility.statusHeading")}>
        <Paragraph>
          <strong>{t("accessibility.status")}</strong>
        </Paragraph>
        <Paragraph>{t("accessibility.law")}</Paragraph>
      </Section>
      <Section id="statement-met" heading={t("accessibility.metHeading")}>
        <Criteria group="met" keys={met} />
      </Section>
      <Section id="statement-not-met" heading={t("accessibility.notMetHeading")}>
        <Criteria group="notMet" keys={notMet} />
      </Section>
      <Section id="statement-tested" heading={t("accessibility.testedHeading")}>
        <Paragraph>{t("accessibility.selfAssessment")}</Paragraph>
        <Paragraph>{t("accessibility.tests")}</Paragraph>
        <Paragraph>{t("accessibility.date", { date: formatDate(STATEMENT_DATE) })}</Paragraph>
      </Section>
      <Section id="statement-contact" heading={t("accessibility.contactHeading")}>
        <Paragraph>{t("accessibility.contactIntro")}</Paragraph>
        <Contacts />
        <Paragraph>
          {t("accessibility.complaint")}{" "}
          <DsLink href="https://www.uutilsynet.no/">{t("accessibility.complaintLink")}</DsLink>
        </Paragraph>
      </Section>
    </Page>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="section statement-section">
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function Criteria({ group, keys }: { group: "met" | "notMet"; keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <List.Unordered className="statement-criteria">
      {keys.map((key) => (
        <List.Item key={key}>
          <strong>{t(`accessibility.${group}.${key}.criteria`)}</strong>
          <br />
          {t(`accessibility.${group}.${key}.text`)}
        </List.Item>
      ))}
    </List.Unordered>
  );
}

/**
 * Signed in: the active trust's contact, or a general text when it has none. Before signing in:
 * every trust's that has one, or a general text.
 */
function Contacts() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const contacts = useAccessibilityContacts();
  if (contacts.isPending) return <Loading />;
  if (contacts.error) return <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  const trust = me?.activeTrust;
  if (trust) {
    const own = contacts.data.find((c) => c.trustId === trust.id);
    if (!own) return <Paragraph>{t("accessibility.contactNoneSignedIn", { trust: trust.name })}</Paragraph>;
    return (
      <Paragraph>
        {t("accessibility.contactOwn", { trust: trust.name })} <ContactLink contact={own} />
      </Paragraph>
    );
  }
  if (contacts.data.length === 0) return <Paragraph>{t("accessibility.contactGeneral")}</Paragraph>;
  return (
    <>
      <Paragraph>{t("accessibility.contactTrusts")}</Paragraph>
      <List.Unordered>
        {contacts.data.map((c) => (
          <List.Item key={c.trustId}>
            {c.trustName}: <ContactLink contact={c} />
          </List.Item>
        ))}
      </List.Unordered>
    </>
  );
}

function ContactLink({ contact }: { contact: AccessibilityContact }) {
  const href = isWebAddress(contact.contact) ? contact.contact : `mailto:${contact.contact}`;
  return <DsLink href={href}>{contact.contact}</DsLink>;
}
