import { Button, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { AccessProfileWithVersions } from "../../../../contracts/access-profiles.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDate } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useAccessProfile } from "../api/getAccessProfile.ts";
import { useUpdateAccessProfile } from "../api/updateAccessProfile.ts";
import { AccessProfileForm } from "../components/AccessProfileForm.tsx";
import { ArchiveDialog } from "../components/ArchiveDialog.tsx";
import { ArchivedTag } from "../components/ArchivedTag.tsx";
import { VersionContent } from "../components/VersionContent.tsx";
import { VersionHistory } from "../components/VersionHistory.tsx";
import "../clinicalSystems.css";
import { PROFILES_PATH } from "../lib/paths.ts";

/** `/admin/tilgangsprofiler/<id>`: a profession's profile, its current version, a new version, and every earlier one. */
export function AccessProfilePage() {
  const me = useSession();
  const { id = "" } = useParams();
  const profile = useAccessProfile(id);
  if (!may(me, "accessProfiles.manage")) return <AccessGate allowed={false}>{null}</AccessGate>;
  if (profile.isPending) return <Loading />;
  if (profile.error) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  return <AccessProfileView profile={profile.data} />;
}

function AccessProfileView({ profile }: { profile: AccessProfileWithVersions }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateAccessProfile();
  const { dialog, open, close } = useDialog<{ kind: "version" } | { kind: "archive" }>(update);
  const current = profile.current;

  return (
    <Page
      title={t("accessProfiles.profileTitle", { name: profile.professionName })}
      lead={
        <div className="section">
          <DsLink asChild>
            <Link to={PROFILES_PATH}>{t("accessProfiles.backToList")}</Link>
          </DsLink>
          {profile.archived ? (
            <span className="name-with-tag">
              <ArchivedTag />
            </span>
          ) : null}
        </div>
      }
    >
      <section className="section" aria-labelledby="profile-current">
        <Heading level={2} data-size="sm" id="profile-current">
          {t("accessProfiles.currentVersion", { version: current.version })}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t("accessProfiles.madeBy", {
            date: formatDate(current.createdAt),
            by: current.createdBy ?? t("accessProfiles.unknownPerson"),
          })}
        </Paragraph>
        <VersionContent version={current} captionId="current-items-caption" />
        <div className="button-row">
          {profile.archived ? null : (
            <Button onClick={() => open({ kind: "version" })}>{t("accessProfiles.newVersion")}</Button>
          )}
          <Button variant="secondary" onClick={() => open({ kind: "archive" })}>
            {t(profile.archived ? "clinicalSystems.restore.confirm" : "clinicalSystems.archive.confirm")}
          </Button>
        </div>
      </section>
      <VersionHistory versions={profile.versions} current={current.version} />

      <FormDialog
        open={dialog?.kind === "version"}
        title={t("accessProfiles.newVersionTitle", { name: profile.professionName })}
        onClose={close}
      >
        <AccessProfileForm
          profile={profile}
          professions={[]}
          onCancel={close}
          onSaved={(saved) => {
            close();
            announce(
              saved.current.version === current.version
                ? t("accessProfiles.unchanged")
                : t("accessProfiles.versionSaved", { version: saved.current.version }),
            );
          }}
        />
      </FormDialog>
      <ArchiveDialog
        item={dialog?.kind === "archive" ? { name: profile.professionName, archived: profile.archived } : undefined}
        kind="profile"
        pending={update.isPending}
        error={update.error}
        onClose={close}
        onConfirm={() =>
          update.mutate(
            { id: profile.id, archived: !profile.archived },
            {
              onSuccess: () => {
                close();
                announce(
                  t(profile.archived ? "clinicalSystems.restore.done" : "clinicalSystems.archive.done", {
                    name: profile.professionName,
                  }),
                );
              },
            },
          )
        }
      />
    </Page>
  );
}
