import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  hrTransferFormatSchema as formats,
  type hrTransferFormatSchema,
  type hrTransferReadyPersonSchema,
} from "../../../../contracts/hr-transfer.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { type HrTransferFile, saveFile, useExportHrTransfer } from "../api/exportHrTransfer.ts";
import { useHrTransferReady } from "../api/listHrTransferReady.ts";
import { useMarkHrTransfer } from "../api/markHrTransfer.ts";
import { ExportsList } from "../components/ExportsList.tsx";
import "../registrations.css";

type ReadyPerson = z.infer<typeof hrTransferReadyPersonSchema>;
type Format = z.infer<typeof hrTransferFormatSchema>;
const sortable = ["name", "registered", "start"] as const;

/**
 * `/registrering/overfoering`: the persons registered and ready for the HR system. FOU selects
 * them, downloads the file (.xlsx or .csv; it holds national IDs) and, once HR has it, marks the
 * export transferred: the persons' Registrert cells turn green.
 */
export function HrTransferPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "hrTransfer.manage")}>
      <HrTransfer />
    </AccessGate>
  );
}

function HrTransfer() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const query = useServerListQuery(sortable, "name");
  const ready = useHrTransferReady(query);
  const download = useExportHrTransfer();
  const mark = useMarkHrTransfer();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [format, setFormat] = useState<Format>("xlsx");
  const [file, setFile] = useState<(HrTransferFile & { persons: number }) | null>(null);
  const items = ready.data?.items ?? [];
  const name = (p: ReadyPerson) => `${p.lastName}, ${p.firstName}`;
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectShown = (on: boolean) => {
    for (const p of items) toggle(p.personId, on);
  };
  const allShown = items.length > 0 && items.every((p) => selected.has(p.personId));

  const columns: ListColumn<ReadyPerson, (typeof sortable)[number] | "select" | "email" | "institution">[] = [
    {
      key: "select",
      header: t("hrTransfer.select"),
      cell: (p) => (
        <Checkbox
          aria-label={t("hrTransfer.selectNamed", { name: name(p) })}
          checked={selected.has(p.personId)}
          onChange={(e) => toggle(p.personId, e.target.checked)}
        />
      ),
    },
    { key: "name", header: t("campaigns.registrations.name"), cell: name, sortValue: name },
    { key: "email", header: t("campaigns.registrations.email"), cell: (p) => p.email },
    { key: "institution", header: t("campaigns.columns.institution"), cell: (p) => p.institutionName },
    {
      key: "start",
      header: t("campaigns.missing.start"),
      cell: (p) => (p.placementStart ? formatDate(p.placementStart) : "–"),
      sortValue: (p) => p.placementStart,
    },
    {
      key: "registered",
      header: t("hrTransfer.registered"),
      cell: (p) => formatDateTime(p.registeredAt),
      sortValue: (p) => p.registeredAt,
    },
  ];

  const onExport = () =>
    download.mutate(
      { personIds: [...selected], format },
      {
        onSuccess: (answer) => {
          saveFile(answer);
          setFile({ ...answer, persons: selected.size });
          announce(t("hrTransfer.downloaded", { count: selected.size }));
        },
        onError: (e) => announce(errorMessage(t, e)),
      },
    );

  const toolbar = (
    <>
      <Button variant="secondary" onClick={() => selectShown(!allShown)} disabled={items.length === 0}>
        {allShown ? t("hrTransfer.unselectShown") : t("hrTransfer.selectShown")}
      </Button>
      <Field className="toolbar-filter">
        <Label htmlFor="hr-format">{t("hrTransfer.format")}</Label>
        <Select id="hr-format" value={format} onChange={(e) => setFormat(formats.parse(e.target.value))}>
          {formats.options.map((f) => (
            <Select.Option key={f} value={f}>
              {f.toUpperCase()}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button onClick={onExport} disabled={selected.size === 0 || download.isPending} loading={download.isPending}>
        {t("hrTransfer.export", { count: selected.size })}
      </Button>
    </>
  );

  return (
    <Page title={t("hrTransfer.title")} lead={<Paragraph>{t("hrTransfer.lead")}</Paragraph>}>
      {file ? (
        <Alert data-color="info">
          <Paragraph>{t("hrTransfer.markPrompt", { count: file.persons, file: file.fileName })}</Paragraph>
          <div className="button-row">
            <Button
              loading={mark.isPending}
              disabled={mark.isPending || !file.exportId}
              onClick={() =>
                mark.mutate(file.exportId, {
                  onSuccess: (answer) => {
                    setFile(null);
                    setSelected(new Set());
                    announce(t("hrTransfer.markedCount", { count: answer.marked }));
                  },
                  onError: (e) => announce(errorMessage(t, e)),
                })
              }
            >
              {t("hrTransfer.mark")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="hr-ready-heading">
        <Heading level={2} data-size="sm" id="hr-ready-heading">
          {t("hrTransfer.readyHeading")}
        </Heading>
        <ListTable
          rows={items}
          rowKey={(p) => p.personId}
          columns={columns}
          defaultSort="name"
          searchLabel={t("hrTransfer.search")}
          searchText={(p) => [p.firstName, p.lastName, p.email]}
          toolbarEnd={toolbar}
          caption={{ id: "hr-ready-caption", text: t("hrTransfer.readyHeading") }}
          load={{ isPending: ready.isPending, error: ready.error, retry: () => void ready.refetch() }}
          empty={<Paragraph>{t("hrTransfer.empty")}</Paragraph>}
          server={{ total: ready.data?.total ?? 0 }}
        />
      </section>
      <section className="section" aria-labelledby="hr-exports-heading">
        <Heading level={2} data-size="sm" id="hr-exports-heading">
          {t("hrTransfer.exports.heading")}
        </Heading>
        <ExportsList />
      </section>
    </Page>
  );
}
