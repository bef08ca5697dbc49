import { Alert, Button, Dropdown, Link as DsLink, Paragraph, Tabs } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { Sheet } from "../../../../contracts/overviews.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce, useClearStatus, useStatusMessage } from "../../../components/StatusMessage.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useOverview } from "../api/getOverview.ts";
import { ChangeList } from "../components/ChangeList.tsx";
import { DeadlineTag } from "../components/DeadlineTag.tsx";
import { ImportDialog } from "../components/ImportDialog.tsx";
import { NewSheetForm } from "../components/NewSheetForm.tsx";
import { SheetPanel } from "../components/SheetPanel.tsx";
import "../overviews.css";

export function OverviewPage() {
  const me = useSession();
  const allowed = may(me, "overviews.read");
  return (
    <AccessGate allowed={allowed}>
      <OverviewDocument />
    </AccessGate>
  );
}

function OverviewDocument() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useSession();
  const announce = useAnnounce();
  const clearStatus = useClearStatus();
  const status = useStatusMessage();
  const overview = useOverview(id);
  const [params, setParams] = useSearchParams();
  const [newSheet, setNewSheet] = useState<{ copyFrom: Sheet | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const canEdit = may(me, "overviews.write");
  const testMode = me.activeTrust?.testMode ?? false;
  // "The document is made, make its first sheet" is no longer true once it has sheets (from an import too).
  const createdMessage = overview.data ? t("overviews.newOverview.created", { name: overview.data.name }) : null;
  const hasSheets = (overview.data?.sheets.length ?? 0) > 0;
  useEffect(() => {
    if (hasSheets && status !== null && status === createdMessage) clearStatus();
  }, [hasSheets, status, createdMessage, clearStatus]);

  if (overview.isPending) {
    return (
      <Page title={t("overviews.documentLoading")}>
        <Loading />
      </Page>
    );
  }
  if (overview.error) {
    return (
      <Page title={t("overviews.documentNotFound")}>
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
        <Paragraph>
          <DsLink asChild>
            <Link to="/oversikter">{t("overviews.backToList")}</Link>
          </DsLink>
        </Paragraph>
      </Page>
    );
  }

  const doc = overview.data;
  const sheets = [...doc.sheets].sort((a, b) => a.position - b.position);
  const requested = params.get("ark");
  const active = sheets.find((s) => s.id === requested) ?? sheets[0] ?? null;
  const highlightRowId = params.get("rad");
  const submittedSheets = sheets.filter((s) => s.submittedAt !== null).length;

  const chooseSheet = (sheetId: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("ark", sheetId);
        next.delete("rad");
        return next;
      },
      { replace: true },
    );

  return (
    <Page
      title={doc.name}
      lead={
        <div className="doc-lead">
          <Paragraph>
            <DsLink asChild>
              <Link to="/oversikter">{t("overviews.backToList")}</Link>
            </DsLink>
          </Paragraph>
          <Paragraph>
            {t("overviews.documentLead", {
              institution: doc.group.institutionShortName,
              programme: doc.group.programmeName,
              cohort: doc.group.cohort,
            })}
          </Paragraph>
        </div>
      }
    >
      <div className="button-row doc-actions">
        {canEdit ? (
          <>
            <Button onClick={() => setNewSheet({ copyFrom: null })}>{t("overviews.newSheet.open")}</Button>
            <Button variant="secondary" onClick={() => setImporting(true)}>
              {t("overviews.import.open")}
            </Button>
          </>
        ) : null}
        <Button variant="secondary" asChild>
          <a href={`/api/overviews/${encodeURIComponent(doc.id)}/export`} download={doc.fileName}>
            {t("overviews.export")}
          </a>
        </Button>
        <Dropdown.TriggerContext>
          <Dropdown.Trigger variant="tertiary">{t("overviews.templates.open")}</Dropdown.Trigger>
          <Dropdown placement="bottom-end">
            <Dropdown.List>
              <Dropdown.Item>
                <Dropdown.Button asChild>
                  <a href="/api/templates/overview.xlsx" download>
                    {t("overviews.templates.norwegian")}
                  </a>
                </Dropdown.Button>
              </Dropdown.Item>
              <Dropdown.Item>
                <Dropdown.Button asChild>
                  <a href="/api/templates/international.xlsx" download>
                    {t("overviews.templates.international")}
                  </a>
                </Dropdown.Button>
              </Dropdown.Item>
            </Dropdown.List>
          </Dropdown>
        </Dropdown.TriggerContext>
      </div>

      {sheets.length === 0 || !active ? (
        <Alert data-color="info">
          <Paragraph>{canEdit ? t("overviews.noSheets") : t("overviews.noSheetsReadOnly")}</Paragraph>
        </Alert>
      ) : (
        <Tabs value={active.id} onChange={chooseSheet} data-size="sm" className="sheet-tabs">
          <Tabs.List aria-label={t("overviews.sheetsLabel")}>
            {sheets.map((s) => (
              <Tabs.Tab key={s.id} value={s.id}>
                <span className="tab-name">{s.name}</span>
                <DeadlineTag state={s.deadlineState} />
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {sheets.map((s) => (
            <Tabs.Panel key={s.id} value={s.id}>
              {s.id === active.id ? (
                <SheetPanel
                  overview={doc}
                  sheet={s}
                  canEdit={canEdit}
                  testMode={testMode}
                  highlightRowId={highlightRowId}
                  onCopySheet={(sheet) => setNewSheet({ copyFrom: sheet })}
                />
              ) : null}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}

      <ChangeList overviewId={doc.id} submittedSheets={submittedSheets} />

      <FormDialog
        open={newSheet !== null}
        title={
          newSheet?.copyFrom
            ? t("overviews.newSheet.titleCopy", { name: newSheet.copyFrom.name })
            : t("overviews.newSheet.title")
        }
        onClose={() => setNewSheet(null)}
      >
        <NewSheetForm
          overview={doc}
          copyFrom={newSheet?.copyFrom ?? null}
          onCancel={() => setNewSheet(null)}
          onSaved={(sheet) => {
            setNewSheet(null);
            chooseSheet(sheet.id);
            announce(t("overviews.newSheet.created", { name: sheet.name }));
          }}
        />
      </FormDialog>
      <ImportDialog open={importing} overview={doc} onClose={() => setImporting(false)} />
    </Page>
  );
}
