import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Registration, RegistrationState } from "../../../../contracts/registrations.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { RowActions } from "../../../components/RowActions.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { useConfirmRegistration } from "../api/confirmRegistration.ts";
import { useRegistrations } from "../api/listRegistrations.ts";
import { useUnmatchRegistration } from "../api/unmatchRegistration.ts";
import { RegistrationStateTag } from "./CampaignStateTag.tsx";

const sortable = ["name", "state", "created"] as const;
type SortKey = (typeof sortable)[number];

/** A campaign's registrations, by state (`?tilstand=`), searched, sorted and paged by the server. */
export function RegistrationsList({
  campaignId,
  state,
  canMatch,
  toolbar,
}: {
  campaignId: string;
  state: RegistrationState | undefined;
  canMatch: boolean;
  toolbar: React.ReactNode;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const query = useServerListQuery(sortable, "name");
  const registrations = useRegistrations(campaignId, { ...query, state });
  const unmatch = useUnmatchRegistration();
  const confirm = useConfirmRegistration();
  const name = (r: Registration) => `${r.lastName}, ${r.firstName}`;

  const columns: ListColumn<Registration, SortKey | "email" | "matchedBy">[] = [
    { key: "name", header: t("campaigns.registrations.name"), cell: name, sortValue: name },
    { key: "email", header: t("campaigns.registrations.email"), cell: (r) => r.email },
    {
      key: "state",
      header: t("campaigns.registrations.state"),
      cell: (r) => <RegistrationStateTag state={r.state} needsConfirmation={r.needsConfirmation} />,
      sortValue: (r) => r.state,
    },
    {
      key: "matchedBy",
      header: t("campaigns.registrations.matchedBy"),
      cell: (r) => (r.matchedBy ? t(`campaigns.matchedBy.${r.matchedBy}`) : "–"),
    },
    {
      key: "created",
      header: t("campaigns.registrations.created"),
      cell: (r) => formatDateTime(r.createdAt),
      sortValue: (r) => r.createdAt,
    },
  ];

  const done = (message: string) => ({
    onSuccess: () => announce(message),
    onError: (e: unknown) => announce(errorMessage(t, e)),
  });

  return (
    <ListTable
      rows={registrations.data?.items ?? []}
      rowKey={(r) => r.id}
      columns={columns}
      defaultSort="name"
      searchLabel={t("campaigns.registrations.search")}
      searchText={(r) => [r.firstName, r.lastName, r.email]}
      toolbarEnd={toolbar}
      caption={{ id: "registrations-caption", text: t("campaigns.registrations.caption") }}
      load={{
        isPending: registrations.isPending,
        error: registrations.error,
        retry: () => void registrations.refetch(),
      }}
      empty={
        <Paragraph>{state ? t("campaigns.registrations.noneInState") : t("campaigns.registrations.empty")}</Paragraph>
      }
      server={{ total: registrations.data?.total ?? 0 }}
      actions={
        canMatch
          ? (r) => (
              <RowActions>
                {r.needsConfirmation ? (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t("campaigns.registrations.confirmNamed", { name: name(r) })}
                    onClick={() =>
                      confirm.mutate(r.id, done(t("campaigns.registrations.confirmed", { name: name(r) })))
                    }
                  >
                    {t("campaigns.registrations.confirm")}
                  </Button>
                ) : null}
                {r.personId && r.state !== "transferred" ? (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t("campaigns.registrations.unmatchNamed", { name: name(r) })}
                    onClick={() =>
                      unmatch.mutate(r.id, done(t("campaigns.registrations.unmatched", { name: name(r) })))
                    }
                  >
                    {t("campaigns.registrations.unmatch")}
                  </Button>
                ) : null}
              </RowActions>
            )
          : undefined
      }
    />
  );
}
