import { Heading, Link, List, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { roles } from "../../../../contracts/vocabulary.ts";
import { defaultNamingStandard, documentName, sheetName } from "../../../../domain/naming-standard.ts";
import { Page } from "../../../components/Page.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { useSession } from "../../../lib/session.ts";

/** The roles, each with what it can do in the app today; a later feature adds its part to its role. */
const roleRows = ["systemAdmin", ...roles] as const;

/** What the app does today and the procedure's rules (seed, SPEC §4), in the trust's own names and deadline. */
export function HelpPage() {
  const { t } = useTranslation();
  const me = useSession();
  const trust = me.activeTrust;
  const naming = trust?.namingStandard ?? defaultNamingStandard;
  const example = { institution: "HVL", programme: "Sykepleie", cohort: 2024 };

  return (
    <Page title={t("help.title")} lead={<Paragraph>{t("help.lead")}</Paragraph>}>
      <section className="section" aria-labelledby="help-roles">
        <Heading level={2} data-size="sm" id="help-roles">
          {t("help.rolesHeading")}
        </Heading>
        <Paragraph>{t("help.rolesIntro")}</Paragraph>
        <TableScroller labelledBy="help-roles-caption">
          <Table border>
            <caption id="help-roles-caption" className="ds-sr-only">
              {t("help.rolesCaption")}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("help.colRole")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("help.colReach")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("help.colMay")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {roleRows.map((row) => (
                <Table.Row key={row}>
                  <Table.HeaderCell scope="row">{t(`help.roles.${row}.name`)}</Table.HeaderCell>
                  <Table.Cell>{t(`help.roles.${row}.reach`)}</Table.Cell>
                  <Table.Cell>{t(`help.roles.${row}.may`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
        <Paragraph>{t("help.notFound")}</Paragraph>
      </section>

      <section className="section" aria-labelledby="help-overviews">
        <Heading level={2} data-size="sm" id="help-overviews">
          {t("help.overviewsHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>
            {t("help.overviewsDocuments", {
              document: documentName(example, naming),
              sheet: sheetName({ label: "Periode", n: 1, international: false }, naming),
              internationalSheet: sheetName({ label: "Periode", n: 1, international: true }, naming),
            })}
          </List.Item>
          <List.Item>{t("help.overviewsDeadline", { count: trust?.deadlineDays ?? 28 })}</List.Item>
          <List.Item>{t("help.overviewsFilling")}</List.Item>
          <List.Item>{t("help.overviewsChanges")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-registration">
        <Heading level={2} data-size="sm" id="help-registration">
          {t("help.registrationHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.registrationCampaigns")}</List.Item>
          <List.Item>{t("help.registrationForm")}</List.Item>
          <List.Item>{t("help.registrationConfirm")}</List.Item>
          <List.Item>{t("help.registrationWebcruiter")}</List.Item>
          <List.Item>{t("help.registrationMatching")}</List.Item>
          <List.Item>{t("help.registrationTransfer")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-access">
        <Heading level={2} data-size="sm" id="help-access">
          {t("help.accessHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.accessSystems")}</List.Item>
          <List.Item>{t("help.accessProfiles")}</List.Item>
          <List.Item>{t("help.accessVersions")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-orders">
        <Heading level={2} data-size="sm" id="help-orders">
          {t("help.ordersHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.ordersFromSheet")}</List.Item>
          <List.Item>{t("help.ordersCheck")}</List.Item>
          <List.Item>{t("help.ordersLines")}</List.Item>
          <List.Item>{t("help.ordersFile")}</List.Item>
          <List.Item>{t("help.ordersMark")}</List.Item>
          <List.Item>{t("help.ordersCancel")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-readiness">
        <Heading level={2} data-size="sm" id="help-readiness">
          {t("help.readinessHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.readinessLine")}</List.Item>
          <List.Item>{t("help.readinessRed")}</List.Item>
          <List.Item>{t("help.readinessCoordinators")}</List.Item>
          <List.Item>{t("help.readinessStatusReport")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-it-queue">
        <Heading level={2} data-size="sm" id="help-it-queue">
          {t("help.itQueueHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.itQueueScope")}</List.Item>
          <List.Item>{t("help.itQueueDecide")}</List.Item>
          <List.Item>{t("help.itQueueUsernames")}</List.Item>
          <List.Item>{t("help.itQueueConflicts")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-lifecycle">
        <Heading level={2} data-size="sm" id="help-lifecycle">
          {t("help.lifecycleHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.lifecycleChanges")}</List.Item>
          <List.Item>{t("help.lifecycleDeactivation")}</List.Item>
          <List.Item>{t("help.lifecycleExtension")}</List.Item>
          <List.Item>{t("help.lifecycleReminders")}</List.Item>
          <List.Item>{t("help.lifecycleLearningPortal")}</List.Item>
        </List.Unordered>
      </section>

      <section className="section" aria-labelledby="help-find">
        <Heading level={2} data-size="sm" id="help-find">
          {t("help.findHeading")}
        </Heading>
        <Paragraph>{t("help.search")}</Paragraph>
        <Paragraph>{t("help.notifications")}</Paragraph>
      </section>

      <section className="section" aria-labelledby="help-personal-data">
        <Heading level={2} data-size="sm" id="help-personal-data">
          {t("help.personalDataHeading")}
        </Heading>
        <Paragraph>{t("help.studentsMatching")}</Paragraph>
        <Paragraph>{t("help.nationalIds")}</Paragraph>
        <Paragraph>{t("help.retention")}</Paragraph>
      </section>

      <section className="section" aria-labelledby="help-students">
        <Heading level={2} data-size="sm" id="help-students">
          {t("help.studentsHeading")}
        </Heading>
        <List.Unordered>
          <List.Item>{t("help.studentsRule1")}</List.Item>
          <List.Item>{t("help.studentsRule2")}</List.Item>
          <List.Item>{t("help.studentsRule3")}</List.Item>
          <List.Item>{t("help.usernames")}</List.Item>
        </List.Unordered>
        <Paragraph>{t("help.itProblemsBody")}</Paragraph>
      </section>

      <section className="section" aria-labelledby="help-links">
        <Heading level={2} data-size="sm" id="help-links">
          {t("help.linksHeading", { trust: trust?.name ?? t("help.yourTrust") })}
        </Heading>
        {trust?.itHelpUrl || trust?.studentInfoUrl ? (
          <List.Unordered>
            {trust.itHelpUrl ? (
              <List.Item>
                <Link href={trust.itHelpUrl}>{t("help.itHelpLink")}</Link>
              </List.Item>
            ) : null}
            {trust.studentInfoUrl ? (
              <List.Item>
                <Link href={trust.studentInfoUrl}>{t("help.studentInfoLink")}</Link>
              </List.Item>
            ) : null}
          </List.Unordered>
        ) : (
          <Paragraph>{t("help.noLinks")}</Paragraph>
        )}
      </section>

      <section className="section" aria-labelledby="help-account">
        <Heading level={2} data-size="sm" id="help-account">
          {t("help.accountHeading")}
        </Heading>
        <Paragraph>{t("help.accountBody")}</Paragraph>
      </section>
    </Page>
  );
}
