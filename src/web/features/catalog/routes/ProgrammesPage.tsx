import { Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useProgrammes } from "../../../api/listProgrammes.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { ProgrammesTable } from "../components/ProgrammesTable.tsx";

/** Study programmes the person may see (a coordinator: their institution's), read only. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <Page title={t("programmes.title")} lead={<Paragraph>{t("programmes.lead")}</Paragraph>}>
      {programmes.isPending ? (
        <Loading />
      ) : programmes.error ? (
        <LoadError error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : (
        <ProgrammesTable
          programmes={programmes.data}
          emptyText={<Paragraph>{t("programmes.emptyReadOnly")}</Paragraph>}
        />
      )}
    </Page>
  );
}
