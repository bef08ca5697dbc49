import { Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccessProfileWithVersions } from "../../../../contracts/access-profiles.ts";
import type { Profession } from "../../../api/listProfessions.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { isApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { compareText } from "../../../lib/format.ts";
import { errorIssues } from "../../../lib/issues.ts";
import { useCreateAccessProfile } from "../api/createAccessProfile.ts";
import { useClinicalSystems } from "../api/listClinicalSystems.ts";
import { useUpdateAccessProfile } from "../api/updateAccessProfile.ts";
import { type ItemDraft, ProfileItemsField } from "./ProfileItemsField.tsx";
import { SelectField } from "./SelectField.tsx";

/**
 * Makes a profession's access profile, or its next version: the systems and roles its students
 * get and the limits that apply to them. A change is saved as a new version; the old one stays.
 */
export function AccessProfileForm({
  profile,
  professions,
  onSaved,
  onCancel,
}: {
  /** The profile to make a new version of; a new profile when absent. */
  profile?: AccessProfileWithVersions;
  /** The professions a new profile may be for (those without a current one). */
  professions: Profession[];
  onSaved: (saved: AccessProfileWithVersions) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const systems = useClinicalSystems({ status: "active", sort: "name", limit: 200 });
  const create = useCreateAccessProfile();
  const update = useUpdateAccessProfile();
  const [professionId, setProfessionId] = useState("");
  const [items, setItems] = useState<ItemDraft[]>(
    (profile?.current.items ?? [{ systemId: "", role: "" }]).map((item, index) => ({
      key: index + 1,
      systemId: item.systemId,
      role: item.role,
    })),
  );
  const [limits, setLimits] = useState(profile?.current.limits ?? "");
  const [note, setNote] = useState("");
  const labels: Record<string, string> = {
    professionId: t("accessProfiles.profession"),
    items: t("accessProfiles.items"),
    ...Object.fromEntries(
      items.flatMap((_, i) => [
        [`items.${i}.systemId`, t("accessProfiles.systemNumber", { number: i + 1 })],
        [`items.${i}.role`, t("accessProfiles.roleNumber", { number: i + 1 })],
      ]),
    ),
    limits: t("accessProfiles.limits"),
    note: t("accessProfiles.note"),
  };
  const form = useFormErrors(profile ? `profile-${profile.id}` : "new-profile", labels);
  const pending = create.isPending || update.isPending;

  /** A refusal naming one field (an item's system or role, the profession) shows at that field. */
  function onError(error: unknown) {
    const path = isApiError(error) && error.code !== "validation.failed" ? errorIssues(error.details)?.[0]?.path : null;
    if (path && path in labels) form.fail({ [path]: errorMessage(t, error) });
    else form.failFromServer(error);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!profile && !professionId) errors.professionId = t("accessProfiles.professionRequired");
    items.forEach((item, i) => {
      if (!item.systemId) errors[`items.${i}.systemId`] = t("accessProfiles.systemRequired");
      else if (items.slice(0, i).some((other) => other.systemId === item.systemId))
        errors[`items.${i}.systemId`] = t("accessProfiles.duplicateSystem");
      else if (!item.role) errors[`items.${i}.role`] = t("accessProfiles.roleRequired");
    });
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    const body = { items: items.map(({ systemId, role }) => ({ systemId, role })), limits: limits.trim() };
    if (profile)
      update.mutate(
        { id: profile.id, ...body, note: note.trim() || undefined, basedOnVersion: profile.current.version },
        { onSuccess: onSaved, onError },
      );
    else create.mutate({ professionId, ...body }, { onSuccess: onSaved, onError });
  }

  return (
    <DialogForm
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      pending={pending}
      submitLabel={profile ? t("accessProfiles.saveVersion") : t("accessProfiles.create")}
    >
      {profile ? (
        <Paragraph>{t("accessProfiles.newVersionOf", { version: profile.current.version + 1 })}</Paragraph>
      ) : (
        <SelectField
          form={form}
          name="professionId"
          value={professionId}
          onValue={setProfessionId}
          options={[...professions]
            .sort((a, b) => compareText(a.name, b.name))
            .map((p) => ({ value: p.id, label: p.name }))}
        />
      )}
      <ProfileItemsField form={form} items={items} systems={systems.data?.items ?? []} onChange={setItems} />
      <FormTextfield
        form={form}
        name="limits"
        description={t("accessProfiles.limitsHint")}
        value={limits}
        onValue={setLimits}
        rows={4}
      />
      {profile ? (
        <FormTextfield
          form={form}
          name="note"
          description={t("accessProfiles.noteHint")}
          value={note}
          onValue={setNote}
        />
      ) : null}
    </DialogForm>
  );
}
