import { Button, Field, Fieldset, Label, Paragraph, Select, Switch } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isEmail } from "../../../../contracts/common.ts";
import { isWebAddress, namingPlaceholders, type TrustSettings } from "../../../../contracts/trusts.ts";
import { type Language, languages } from "../../../../contracts/vocabulary.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useUpdateTrustSettings } from "../api/updateTrustSettings.ts";
import { OrderSettings, orderLabels, useOrderSettings } from "./OrderSettings.tsx";
import { RegistrationSettings, registrationLabels, useRegistrationSettings } from "./RegistrationSettings.tsx";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

type NamingField = keyof typeof namingPlaceholders;

const languageNames: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/** The address the seed names (5.3): offered, never a default — the trust chooses its own. */
const suggestedLearningPortalEmail = "laeringsportalen@helse-vest.no";

export function SettingsForm({ settings }: { settings: TrustSettings }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const labels = {
    testMode: t("settings.testMode"),
    deadlineDays: t("settings.deadlineDays"),
    defaultLanguage: t("settings.defaultLanguage"),
    itHelpUrl: t("settings.itHelpUrl"),
    studentInfoUrl: t("settings.studentInfoUrl"),
    learningPortalEmail: t("settings.learningPortalEmail"),
    accessibilityContact: t("settings.accessibilityContact"),
    dNumberNeedsManualUser: t("settings.dNumberNeedsManualUser"),
    ...registrationLabels(t),
    ...orderLabels(t),
    retentionMonths: t("settings.retentionMonths"),
    namingDocument: t("settings.namingDocument"),
    namingSheet: t("settings.namingSheet"),
    namingInternationalSheet: t("settings.namingInternationalSheet"),
    namingFile: t("settings.namingFile"),
  };
  const form = useFormErrors("settings", labels);
  const save = useUpdateTrustSettings();
  const [testMode, setTestMode] = useState(settings.testMode);
  const [deadlineDays, setDeadlineDays] = useState(String(settings.deadlineDays));
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(settings.defaultLanguage);
  const [studentInfoUrl, setStudentInfoUrl] = useState(settings.studentInfoUrl ?? "");
  const [itHelpUrl, setItHelpUrl] = useState(settings.itHelpUrl ?? "");
  const [learningPortalEmail, setLearningPortalEmail] = useState(settings.learningPortalEmail ?? "");
  const [accessibilityContact, setAccessibilityContact] = useState(settings.accessibilityContact ?? "");
  const [retentionMonths, setRetentionMonths] = useState(String(settings.retentionMonths));
  const [dNumberNeedsManualUser, setDNumber] = useState(settings.dNumberNeedsManualUser);
  const registration = useRegistrationSettings(settings);
  const ordering = useOrderSettings(settings);
  const [naming, setNaming] = useState({
    namingDocument: settings.namingDocument,
    namingSheet: settings.namingSheet,
    namingInternationalSheet: settings.namingInternationalSheet,
    namingFile: settings.namingFile,
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = { ...registration.check(t), ...ordering.check(t) };
    const days = Number(deadlineDays);
    if (!/^\d+$/.test(deadlineDays.trim()) || days > 180) errors.deadlineDays = t("settings.deadlineDaysInvalid");
    if (itHelpUrl.trim() && !isHttpUrl(itHelpUrl.trim())) errors.itHelpUrl = t("settings.urlInvalid");
    if (studentInfoUrl.trim() && !isHttpUrl(studentInfoUrl.trim())) errors.studentInfoUrl = t("settings.urlInvalid");
    if (learningPortalEmail.trim() && !isEmail(learningPortalEmail.trim()))
      errors.learningPortalEmail = t("settings.emailInvalid");
    const contact = accessibilityContact.trim();
    if (contact && !(isWebAddress(contact) ? isHttpUrl(contact) : isEmail(contact)))
      errors.accessibilityContact = t("settings.accessibilityContactInvalid");
    const months = Number(retentionMonths);
    if (!/^\d+$/.test(retentionMonths.trim()) || months < 1 || months > 120)
      errors.retentionMonths = t("settings.retentionMonthsInvalid");
    for (const [field, required] of Object.entries(namingPlaceholders)) {
      const value = naming[field as NamingField].trim();
      if (!value || !required.every((p) => value.includes(p)))
        errors[field] = t("settings.namingMissing", { placeholders: required.join(", ") });
    }
    if (!naming.namingFile.trim().toLowerCase().endsWith(".xlsx")) errors.namingFile = t("settings.namingFileXlsx");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    save.mutate(
      {
        testMode,
        deadlineDays: days,
        defaultLanguage,
        studentInfoUrl: studentInfoUrl.trim() || null,
        itHelpUrl: itHelpUrl.trim() || null,
        learningPortalEmail: learningPortalEmail.trim() || null,
        accessibilityContact: contact || null,
        retentionMonths: months,
        dNumberNeedsManualUser,
        namingDocument: naming.namingDocument.trim(),
        namingSheet: naming.namingSheet.trim(),
        namingInternationalSheet: naming.namingInternationalSheet.trim(),
        namingFile: naming.namingFile.trim(),
        ...registration.body(),
        ...ordering.body(),
      },
      {
        onSuccess: () => announce(t("settings.saved")),
        onError: (error) =>
          form.failFromServer(
            error,
            {},
            {
              unmatchedRegistrationDays: t("settings.unmatchedRegistrationDaysInvalid"),
              hrTransferColumns: t("settings.hrTransferColumnsInvalid"),
              portalColumns: t("settings.hrTransferColumnsInvalid"),
              orderLeadDays: t("settings.orderLeadDaysInvalid"),
              usernameDaysBefore: t("settings.usernameDaysBeforeInvalid"),
              extensionMaxDays: t("settings.extensionMaxDaysInvalid"),
            },
          ),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />

      <Fieldset>
        <Fieldset.Legend>{t("settings.generalHeading")}</Fieldset.Legend>
        <div className="form">
          <Switch
            id={form.fieldId("testMode")}
            label={labels.testMode}
            description={t("settings.testModeHint")}
            checked={testMode}
            onChange={(e) => setTestMode(e.target.checked)}
          />
          <Field>
            <Label htmlFor={form.fieldId("defaultLanguage")}>{labels.defaultLanguage}</Label>
            <Field.Description>{t("settings.defaultLanguageHint")}</Field.Description>
            <Select
              id={form.fieldId("defaultLanguage")}
              value={defaultLanguage}
              onChange={(e) => setDefaultLanguage(e.target.value as Language)}
            >
              {languages.map((l) => (
                <Select.Option key={l} value={l} lang={l}>
                  {languageNames[l]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <FormTextfield
            form={form}
            name="deadlineDays"
            description={t("settings.deadlineDaysHint")}
            inputMode="numeric"
            value={deadlineDays}
            onValue={setDeadlineDays}
          />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t("settings.linksHeading")}</Fieldset.Legend>
        <div className="form">
          <FormTextfield
            form={form}
            name="itHelpUrl"
            description={t("settings.itHelpUrlHint")}
            type="url"
            value={itHelpUrl}
            onValue={setItHelpUrl}
          />
          <FormTextfield
            form={form}
            name="studentInfoUrl"
            description={t("settings.studentInfoUrlHint")}
            type="url"
            value={studentInfoUrl}
            onValue={setStudentInfoUrl}
          />
          <FormTextfield
            form={form}
            name="accessibilityContact"
            description={t("settings.accessibilityContactHint")}
            value={accessibilityContact}
            onValue={setAccessibilityContact}
          />
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t("settings.learningPortalHeading")}</Fieldset.Legend>
        <div className="form">
          <FormTextfield
            form={form}
            name="learningPortalEmail"
            description={t("settings.learningPortalEmailHint")}
            type="email"
            value={learningPortalEmail}
            onValue={setLearningPortalEmail}
          />
          {learningPortalEmail.trim() === "" ? (
            <div className="button-row">
              <Paragraph data-size="sm">
                {t("settings.learningPortalSuggestionHint", { address: suggestedLearningPortalEmail })}
              </Paragraph>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  setLearningPortalEmail(suggestedLearningPortalEmail);
                  // The button goes once the field has an address: the field keeps the focus.
                  document.getElementById(form.fieldId("learningPortalEmail"))?.focus();
                }}
              >
                {t("settings.learningPortalSuggestion", { address: suggestedLearningPortalEmail })}
              </Button>
            </div>
          ) : null}
          <Switch
            id={form.fieldId("dNumberNeedsManualUser")}
            label={labels.dNumberNeedsManualUser}
            description={t("settings.dNumberNeedsManualUserHint")}
            checked={dNumberNeedsManualUser}
            onChange={(e) => setDNumber(e.target.checked)}
          />
        </div>
      </Fieldset>

      <RegistrationSettings form={form} state={registration} />

      <OrderSettings form={form} state={ordering} />

      <Fieldset>
        <Fieldset.Legend>{t("settings.namingHeading")}</Fieldset.Legend>
        <Fieldset.Description>{t("settings.namingHint")}</Fieldset.Description>
        <div className="form">
          {(Object.keys(namingPlaceholders) as NamingField[]).map((field) => (
            <FormTextfield
              key={field}
              form={form}
              name={field}
              value={naming[field]}
              onValue={(value) => setNaming((n) => ({ ...n, [field]: value }))}
            />
          ))}
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t("settings.privacyHeading")}</Fieldset.Legend>
        <div className="form">
          <FormTextfield
            form={form}
            name="retentionMonths"
            description={t("settings.retentionMonthsHint")}
            inputMode="numeric"
            value={retentionMonths}
            onValue={setRetentionMonths}
          />
        </div>
      </Fieldset>

      <div className="button-row">
        <Button type="submit" loading={save.isPending} disabled={save.isPending}>
          {t("settings.save")}
        </Button>
      </div>
    </form>
  );
}
