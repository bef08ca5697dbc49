import { Button, Link as DsLink, Paragraph, Tabs } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { type Profession, useProfessions } from "../../../api/listProfessions.ts";
import { type Programme, useProgrammes } from "../../../api/listProgrammes.ts";
import { DeleteDialog } from "../../../components/DeleteDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useDeleteProfession } from "../api/deleteProfession.ts";
import { useDeleteProgramme } from "../api/deleteProgramme.ts";
import { ProfessionForm } from "../components/ProfessionForm.tsx";
import { ProfessionsTable } from "../components/ProfessionsTable.tsx";
import { ProgrammeForm } from "../components/ProgrammeForm.tsx";
import { ProgrammesTable } from "../components/ProgrammesTable.tsx";

type DialogState =
  | { kind: "newProgramme" }
  | { kind: "editProgramme"; programme: Programme }
  | { kind: "deleteProgramme"; programme: Programme }
  | { kind: "newProfession" }
  | { kind: "editProfession"; profession: Profession }
  | { kind: "deleteProfession"; profession: Profession };

export function ProgrammesAdminPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "catalog.manage")}>
      <ProgrammesAdmin />
    </AccessGate>
  );
}

function ProgrammesAdmin() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const tab = params.get("fane") === "yrker" ? "professions" : "programmes";
  const programmes = useProgrammes();
  const professions = useProfessions();
  const institutions = useInstitutions();
  const deleteProgramme = useDeleteProgramme();
  const deleteProfession = useDeleteProfession();
  const { dialog, open: setDialog, close } = useDialog<DialogState>(deleteProgramme, deleteProfession);

  const setTab = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === "professions") next.set("fane", "yrker");
        else next.delete("fane");
        return next;
      },
      { replace: true },
    );
  const countFor = (professionId: string) =>
    (programmes.data ?? []).filter((p) => p.professionId === professionId).length;

  const loading = programmes.isPending || professions.isPending;
  const error = programmes.error ?? professions.error;
  const noProfessions = (professions.data ?? []).length === 0;

  return (
    <Page title={t("programmes.adminTitle")} lead={<Paragraph>{t("programmes.adminLead")}</Paragraph>}>
      {loading ? (
        <Loading />
      ) : error ? (
        <LoadError
          error={error}
          onRetry={() => {
            void programmes.refetch();
            void professions.refetch();
          }}
        />
      ) : (
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="programmes">{t("programmes.tab", { count: programmes.data?.length ?? 0 })}</Tabs.Tab>
            <Tabs.Tab value="professions">{t("professions.tab", { count: professions.data?.length ?? 0 })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="programmes">
            <ProgrammesTable
              programmes={programmes.data ?? []}
              onEdit={(programme) => setDialog({ kind: "editProgramme", programme })}
              onDelete={(programme) => setDialog({ kind: "deleteProgramme", programme })}
              toolbarEnd={
                <Button onClick={() => setDialog({ kind: "newProgramme" })} disabled={noProfessions}>
                  {t("programmes.new")}
                </Button>
              }
              emptyText={
                <Paragraph>
                  {noProfessions ? (
                    <>
                      {t("programmes.emptyNoProfessions")}{" "}
                      <DsLink asChild>
                        <Link to="?fane=yrker">{t("programmes.goToProfessions")}</Link>
                      </DsLink>
                    </>
                  ) : (
                    t("programmes.empty")
                  )}
                </Paragraph>
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="professions">
            <ProfessionsTable
              professions={professions.data ?? []}
              programmeCount={countFor}
              onEdit={(profession) => setDialog({ kind: "editProfession", profession })}
              onDelete={(profession) => setDialog({ kind: "deleteProfession", profession })}
              toolbarEnd={<Button onClick={() => setDialog({ kind: "newProfession" })}>{t("professions.new")}</Button>}
              emptyText={<Paragraph>{t("professions.empty")}</Paragraph>}
            />
          </Tabs.Panel>
        </Tabs>
      )}

      <FormDialog
        open={dialog?.kind === "newProgramme" || dialog?.kind === "editProgramme"}
        title={dialog?.kind === "editProgramme" ? t("programmes.edit") : t("programmes.new")}
        onClose={close}
      >
        <ProgrammeForm
          programme={dialog?.kind === "editProgramme" ? dialog.programme : undefined}
          institutions={institutions.data ?? []}
          professions={professions.data ?? []}
          onCancel={close}
          onSaved={(name) => {
            const existed = dialog?.kind === "editProgramme";
            close();
            announce(existed ? t("programmes.saved", { name }) : t("programmes.created", { name }));
          }}
        />
      </FormDialog>
      <FormDialog
        open={dialog?.kind === "newProfession" || dialog?.kind === "editProfession"}
        title={dialog?.kind === "editProfession" ? t("professions.rename") : t("professions.new")}
        onClose={close}
      >
        <ProfessionForm
          profession={dialog?.kind === "editProfession" ? dialog.profession : undefined}
          onCancel={close}
          onSaved={(name) => {
            const existed = dialog?.kind === "editProfession";
            close();
            announce(existed ? t("professions.saved", { name }) : t("professions.created", { name }));
          }}
        />
      </FormDialog>
      <DeleteDialog
        item={dialog?.kind === "deleteProgramme" ? dialog.programme : undefined}
        id={(p) => p.id}
        mutation={deleteProgramme}
        title={() => t("programmes.deleteTitle")}
        body={(p) => (p ? t("programmes.deleteBody", { name: p.name }) : "")}
        deleted={(p) => t("programmes.deleted", { name: p.name })}
        onClose={close}
      />
      <DeleteDialog
        item={dialog?.kind === "deleteProfession" ? dialog.profession : undefined}
        id={(p) => p.id}
        mutation={deleteProfession}
        title={() => t("professions.deleteTitle")}
        body={(p) => (p ? t("professions.deleteBody", { name: p.name }) : "")}
        deleted={(p) => t("professions.deleted", { name: p.name })}
        onClose={close}
      />
    </Page>
  );
}
