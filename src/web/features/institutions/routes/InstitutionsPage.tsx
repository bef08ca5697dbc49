import { Paragraph, Switch } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { Agreement } from "../../../../contracts/institutions.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useAgreements } from "../api/listAgreements.ts";
import { contactColumns, institutionRows, institutionSearchText, nameColumns } from "../components/institutionRows.tsx";

/**
 * The institutions the person may see, with their FOU contact persons at this trust for those who
 * may read the agreements (admins, FOU, coordinators); the IT provider and E-Helse see the
 * institutions only. FOU can narrow the list to the institutions they are a contact person for
 * (`?kontakt=meg`, where the start page's "Kontaktperson for …" leads).
 */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const seesContacts = may(me, "agreements.read");
  const institutions = useInstitutions();
  const agreements = useAgreements(seesContacts);
  const [params, setParams] = useSearchParams();
  const canFilterMine = may(me, "agreements.contact");
  const onlyMine = canFilterMine && params.get("kontakt") === "meg";
  const setOnlyMine = (value: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("kontakt", "meg");
        else next.delete("kontakt");
        return next;
      },
      { replace: true },
    );
  const isMine = (a: Agreement | undefined) => a?.mainContact?.id === me.user.id || a?.deputyContact?.id === me.user.id;
  const rows = institutionRows(institutions.data ?? [], agreements.data ?? []);
  const columns = seesContacts
    ? [...nameColumns(t), ...contactColumns(t, t("agreements.noAgreement"))]
    : nameColumns(t);

  return (
    <Page
      title={t("institutions.title")}
      lead={<Paragraph>{t(seesContacts ? "institutions.lead" : "institutions.leadWithoutContacts")}</Paragraph>}
    >
      <ListTable
        rows={rows}
        rowKey={(r) => r.institution.id}
        columns={columns}
        defaultSort="name"
        searchLabel={t(seesContacts ? "institutions.search" : "institutions.searchWithoutContacts")}
        searchText={institutionSearchText}
        filter={onlyMine ? (r) => isMine(r.agreement) : undefined}
        toolbarEnd={
          canFilterMine ? (
            <Switch
              label={t("institutions.onlyMine")}
              checked={onlyMine}
              onChange={(e) => setOnlyMine(e.target.checked)}
            />
          ) : null
        }
        caption={{ id: "institutions-ro-caption", text: t("institutions.caption") }}
        load={{
          isPending: institutions.isPending || (seesContacts && agreements.isPending),
          error: institutions.error ?? (seesContacts ? agreements.error : null),
          retry: () => void institutions.refetch(),
        }}
        empty={<Paragraph>{t("institutions.emptyReadOnly")}</Paragraph>}
        noMatches={(query) => (query ? t("common.noMatches", { query }) : t("institutions.noneMine"))}
        showCount={false}
      />
    </Page>
  );
}
