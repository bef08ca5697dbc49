import { Details, Heading } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { AccessProfileVersion } from "../../../../contracts/access-profiles.ts";
import { formatDate } from "../../../lib/format.ts";
import { VersionContent } from "./VersionContent.tsx";

/** Every version of a profile, newest first, each folded under who made it and when. */
export function VersionHistory({ versions, current }: { versions: AccessProfileVersion[]; current: number }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="profile-history">
      <Heading level={2} data-size="sm" id="profile-history">
        {t("accessProfiles.history", { count: versions.length })}
      </Heading>
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v.id}>
            <Details>
              <Details.Summary>
                {t(v.version === current ? "accessProfiles.versionSummaryCurrent" : "accessProfiles.versionSummary", {
                  version: v.version,
                  date: formatDate(v.createdAt),
                  by: v.createdBy ?? t("accessProfiles.unknownPerson"),
                })}
              </Details.Summary>
              <Details.Content>
                <VersionContent version={v} captionId={`version-${v.version}-caption`} />
              </Details.Content>
            </Details>
          </li>
        ))}
      </ul>
    </section>
  );
}
