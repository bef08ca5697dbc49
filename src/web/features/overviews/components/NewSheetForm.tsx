import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Overview, Sheet } from "../../../../contracts/overviews.ts";
import { addDays, formatDate, parseDate } from "../../../../domain/dates.ts";
import { type PeriodLabel, periodLabels, sheetName } from "../../../../domain/naming-standard.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useSession } from "../../../lib/session.ts";
import { useCreateSheet } from "../api/createSheet.ts";

/** The next number after the sheets of the same kind and label: "Periode 2" after "Periode 1". */
function nextNumber(sheets: Sheet[], international: boolean, label: PeriodLabel): number {
  let max = 0;
  for (const s of sheets) {
    if ((s.kind === "international") !== international) continue;
    const m = new RegExp(`${label}\\s+(\\d+)\\s*$`).exec(s.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * A new sheet: Norwegian or international, "Periode"/"Semester" and a number (named by the naming
 * standard), the period's dates, and optionally the rows of an earlier sheet to start the next period.
 */
export function NewSheetForm({
  overview,
  copyFrom,
  onSaved,
  onCancel,
}: {
  overview: Overview;
  copyFrom: Sheet | null;
  onSaved: (sheet: Sheet) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trust = useSession().activeTrust;
  const labels = {
    number: t("overviews.newSheet.number"),
    startDate: t("overviews.newSheet.startDate"),
    endDate: t("overviews.newSheet.endDate"),
    copyFromSheetId: t("overviews.newSheet.copyFrom"),
  };
  const form = useFormErrors("new-sheet", labels);
  const create = useCreateSheet();
  const [international, setInternational] = useState(copyFrom?.kind === "international");
  const [label, setLabel] = useState<PeriodLabel>(
    copyFrom && /^(?:Internasjonale – )?Semester/.test(copyFrom.name) ? "Semester" : "Periode",
  );
  const [number, setNumber] = useState(String(nextNumber(overview.sheets, international, label)));
  const [numberTouched, setNumberTouched] = useState(false);
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [copy, setCopy] = useState(copyFrom !== null);
  const [copyFromId, setCopyFromId] = useState(copyFrom?.id ?? "");
  const sameKind = overview.sheets.filter((s) => (s.kind === "international") === international);

  const updateDefaults = (nextInternational: boolean, nextLabel: PeriodLabel) => {
    if (!numberTouched) setNumber(String(nextNumber(overview.sheets, nextInternational, nextLabel)));
    if (
      copyFromId &&
      !overview.sheets.some((s) => s.id === copyFromId && (s.kind === "international") === nextInternational)
    ) {
      setCopyFromId("");
    }
  };

  const n = Number(number);
  const validNumber = /^\d+$/.test(number.trim()) && n >= 1 && n <= 20;
  const name = validNumber ? sheetName({ label, n, international }, trust?.namingStandard) : null;
  const start = parseDate(startDate);
  const end = parseDate(endDate);
  const taken = name !== null && overview.sheets.some((s) => s.name === name);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!validNumber) errors.number = t("overviews.newSheet.numberInvalid");
    else if (taken) errors.number = t("overviews.newSheet.nameTaken", { name });
    if (!start) errors.startDate = t("overviews.newSheet.dateInvalid");
    if (!end) errors.endDate = t("overviews.newSheet.dateInvalid");
    else if (start && end <= start) errors.endDate = t("overviews.newSheet.endBeforeStart");
    if (copy && !copyFromId) errors.copyFromSheetId = t("overviews.newSheet.copyFromRequired");
    if (Object.keys(errors).length > 0 || !start || !end) {
      form.fail(errors);
      return;
    }
    form.reset();
    create.mutate(
      {
        overviewId: overview.id,
        kind: international ? "international" : "norwegian",
        label,
        number: n,
        startDate: start,
        endDate: end,
        ...(copy && copyFromId ? { copyFromSheetId: copyFromId } : {}),
      },
      {
        onSuccess: onSaved,
        onError: (error) => form.failFromServer(error, { "sheets.name_taken": "number" }),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <Fieldset>
        <Fieldset.Legend>{t("overviews.newSheet.kind")}</Fieldset.Legend>
        <Radio
          name="sheet-kind"
          value="norwegian"
          label={t("overviews.newSheet.norwegian")}
          checked={!international}
          onChange={() => {
            setInternational(false);
            updateDefaults(false, label);
          }}
        />
        <Radio
          name="sheet-kind"
          value="international"
          label={t("overviews.newSheet.international")}
          description={t("overviews.newSheet.internationalHint")}
          checked={international}
          onChange={() => {
            setInternational(true);
            updateDefaults(true, label);
          }}
        />
      </Fieldset>
      <div className="field-row">
        <Field>
          <Label htmlFor="new-sheet-label">{t("overviews.newSheet.label")}</Label>
          <Select
            id="new-sheet-label"
            value={label}
            onChange={(e) => {
              const next = e.target.value as PeriodLabel;
              setLabel(next);
              updateDefaults(international, next);
            }}
          >
            {periodLabels.map((l) => (
              <Select.Option key={l} value={l}>
                {t(`overviews.newSheet.labels.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <FormTextfield
          form={form}
          name="number"
          inputMode="numeric"
          value={number}
          onValue={(value) => {
            setNumber(value);
            setNumberTouched(true);
          }}
        />
      </div>
      <p className="name-preview" aria-live="polite">
        {name ? t("overviews.newSheet.namePreview", { name }) : t("overviews.newSheet.namePreviewNone")}
      </p>
      <div className="field-row">
        <FormTextfield
          form={form}
          name="startDate"
          description={t("overviews.newSheet.dateHint")}
          value={startDate}
          autoComplete="off"
          onValue={setStartDate}
        />
        <FormTextfield
          form={form}
          name="endDate"
          description={t("overviews.newSheet.dateHint")}
          value={endDate}
          autoComplete="off"
          onValue={setEndDate}
        />
      </div>
      {start ? (
        <p className="name-preview">
          {t("overviews.newSheet.deadlinePreview", { date: formatDate(addDays(start, -(trust?.deadlineDays ?? 28))) })}
        </p>
      ) : null}
      {sameKind.length > 0 ? (
        <Fieldset>
          <Fieldset.Legend>{t("overviews.newSheet.copyLegend")}</Fieldset.Legend>
          <Checkbox
            label={t("overviews.newSheet.copy")}
            description={t("overviews.newSheet.copyHint")}
            checked={copy}
            onChange={(e) => {
              setCopy(e.target.checked);
              if (e.target.checked && !copyFromId) setCopyFromId(sameKind[sameKind.length - 1]?.id ?? "");
            }}
          />
          {copy ? (
            <Field>
              <Label htmlFor={form.fieldId("copyFromSheetId")}>{labels.copyFromSheetId}</Label>
              <Select
                id={form.fieldId("copyFromSheetId")}
                value={copyFromId}
                aria-invalid={form.fieldErrors.copyFromSheetId ? true : undefined}
                onChange={(e) => setCopyFromId(e.target.value)}
              >
                <Select.Option value="">{t("common.choose")}</Select.Option>
                {sameKind.map((s) => (
                  <Select.Option key={s.id} value={s.id}>
                    {t("overviews.newSheet.copyOption", { name: s.name, count: s.rowCount })}
                  </Select.Option>
                ))}
              </Select>
              {form.fieldErrors.copyFromSheetId ? (
                <ValidationMessage>{form.fieldErrors.copyFromSheetId}</ValidationMessage>
              ) : null}
            </Field>
          ) : null}
        </Fieldset>
      ) : null}
      <div className="button-row">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t("overviews.newSheet.submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
