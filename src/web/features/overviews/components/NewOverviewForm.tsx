import {
  Alert,
  Button,
  Link as DsLink,
  Field,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Institution } from "../../../../contracts/institutions.ts";
import type { Overview } from "../../../../contracts/overviews.ts";
import { documentName } from "../../../../domain/naming-standard.ts";
import type { Programme } from "../../../api/listProgrammes.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { isApiError } from "../../../lib/api.ts";
import { compareText } from "../../../lib/format.ts";
import { useSession } from "../../../lib/session.ts";
import { useCreateOverview } from "../api/createOverview.ts";

/**
 * A new overview document for a student group: programme and cohort (FOU and admins choose the
 * institution first). Shows the name the naming standard gives; one document per group (the server
 * answers a second with 409 and the first one's id, which the form links to).
 */
export function NewOverviewForm({
  institutions,
  ownInstitutionId,
  programmes,
  onSaved,
  onCancel,
}: {
  /** Institutions to choose from (FOU, admins); empty for a coordinator. */
  institutions: Institution[];
  ownInstitutionId: string | null;
  programmes: Programme[];
  onSaved: (overview: Overview) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trust = useSession().activeTrust;
  const labels = {
    institutionId: t("overviews.newOverview.institution"),
    programmeId: t("overviews.newOverview.programme"),
    cohort: t("overviews.newOverview.cohort"),
  };
  const form = useFormErrors("new-overview", labels);
  const create = useCreateOverview();
  const chooseInstitution = ownInstitutionId === null;
  const [institutionId, setInstitutionId] = useState(ownInstitutionId ?? "");
  const [programmeId, setProgrammeId] = useState("");
  const [cohort, setCohort] = useState(String(new Date().getFullYear()));
  const [existingId, setExistingId] = useState<string | null>(null);
  const ofInstitution = programmes
    .filter((p) => p.institutionId === institutionId)
    .sort((a, b) => compareText(a.name, b.name));
  const programme = ofInstitution.find((p) => p.id === programmeId);
  const year = Number(cohort);
  const validYear = /^\d{4}$/.test(cohort.trim()) && year >= 2000 && year <= 2100;
  const name =
    programme && validYear
      ? documentName(
          { institution: programme.institutionShortName, programme: programme.name, cohort: year },
          trust?.namingStandard,
        )
      : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setExistingId(null);
    const errors: Record<string, string> = {};
    if (chooseInstitution && !institutionId) errors.institutionId = t("overviews.newOverview.institutionRequired");
    if (!programmeId) errors.programmeId = t("overviews.newOverview.programmeRequired");
    if (!validYear) errors.cohort = t("overviews.newOverview.cohortInvalid");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    create.mutate(
      { ...(chooseInstitution ? { institutionId } : {}), programmeId, cohort: year },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            const id = typeof error.details?.overviewId === "string" ? error.details.overviewId : null;
            setExistingId(id);
            form.fail({ cohort: t("overviews.newOverview.exists", { name: name ?? "" }) });
            return;
          }
          form.failFromServer(error);
        },
      },
    );
  }

  const select = (
    field: "institutionId" | "programmeId",
    value: string,
    onChange: (v: string) => void,
    options: Array<{ id: string; label: string }>,
    hint?: string,
  ) => (
    <Field>
      <Label htmlFor={form.fieldId(field)}>{labels[field]}</Label>
      {hint ? <Field.Description>{hint}</Field.Description> : null}
      <Select
        id={form.fieldId(field)}
        value={value}
        aria-invalid={form.fieldErrors[field] ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <Select.Option value="">{t("common.choose")}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.id} value={o.id}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {form.fieldErrors[field] ? <ValidationMessage>{form.fieldErrors[field]}</ValidationMessage> : null}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <Paragraph>{t("overviews.newOverview.lead")}</Paragraph>
      {chooseInstitution
        ? select(
            "institutionId",
            institutionId,
            (v) => {
              setInstitutionId(v);
              setProgrammeId("");
            },
            [...institutions]
              .sort((a, b) => compareText(a.name, b.name))
              .map((i) => ({ id: i.id, label: `${i.name} (${i.shortName})` })),
          )
        : null}
      {select(
        "programmeId",
        programmeId,
        setProgrammeId,
        ofInstitution.map((p) => ({ id: p.id, label: p.name })),
        institutionId && ofInstitution.length === 0 ? t("overviews.newOverview.noProgrammes") : undefined,
      )}
      <FormTextfield
        form={form}
        name="cohort"
        description={t("overviews.newOverview.cohortHint")}
        inputMode="numeric"
        value={cohort}
        onValue={setCohort}
      />
      <Alert data-color="info" className="name-preview-box">
        <Paragraph aria-live="polite">
          {name ? t("overviews.newOverview.namePreview", { name }) : t("overviews.newOverview.namePreviewNone")}
        </Paragraph>
      </Alert>
      {existingId ? (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/oversikter/${existingId}`}>{t("overviews.newOverview.openExisting")}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      <div className="button-row">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t("overviews.newOverview.submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
