import { Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { AccessProfileVersion } from "../../../../contracts/access-profiles.ts";
import { TableScroller } from "../../../components/TableScroller.tsx";

/**
 * What one version gives: its systems and roles (marked where the system has since been archived
 * or no longer has the role: the version keeps them as they were), the limits for students and the note.
 */
export function VersionContent({ version, captionId }: { version: AccessProfileVersion; captionId: string }) {
  const { t } = useTranslation();
  return (
    <div className="section">
      <TableScroller labelledBy={captionId}>
        <Table zebra>
          <caption id={captionId} className="ds-sr-only">
            {t("accessProfiles.itemsCaption", { version: version.version })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("accessProfiles.system")}</Table.HeaderCell>
              <Table.HeaderCell>{t("accessProfiles.role")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {version.items.map((item) => (
              <Table.Row key={item.systemId}>
                <Table.Cell>
                  <span className="name-with-tag">
                    {item.systemName}
                    {item.systemArchived ? (
                      <Tag data-size="sm" data-color="neutral">
                        {t("accessProfiles.systemArchived")}
                      </Tag>
                    ) : null}
                  </span>
                </Table.Cell>
                <Table.Cell>
                  <span className="name-with-tag">
                    {item.role}
                    {item.roleRemoved ? (
                      <Tag data-size="sm" data-color="warning">
                        {t("accessProfiles.roleRemoved")}
                      </Tag>
                    ) : null}
                  </span>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroller>
      <div>
        <Paragraph data-size="sm">
          <strong>{t("accessProfiles.limits")}</strong>
        </Paragraph>
        <Paragraph className="limits-text">
          {version.limits || <span className="muted">{t("accessProfiles.noLimits")}</span>}
        </Paragraph>
      </div>
      {version.note ? (
        <Paragraph>
          <strong>{t("accessProfiles.note")}:</strong> {version.note}
        </Paragraph>
      ) : null}
    </div>
  );
}
