import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlacementSite } from "../../../api/listPlacementSites.ts";
import { DialogForm } from "../../../components/DialogForm.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useCreatePlacementSite } from "../api/createPlacementSite.ts";
import { useUpdatePlacementSite } from "../api/updatePlacementSite.ts";

/** Adds a placement site (ward, department), or changes one. */
export function PlacementSiteForm({
  site,
  onSaved,
  onCancel,
}: {
  site?: PlacementSite;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = { name: t("placementSites.name"), department: t("placementSites.department") };
  const form = useFormErrors(site ? `site-${site.id}` : "new-site", labels);
  const create = useCreatePlacementSite();
  const update = useUpdatePlacementSite();
  const [name, setName] = useState(site?.name ?? "");
  const [department, setDepartment] = useState(site?.department ?? "");
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      form.fail({ name: t("placementSites.nameRequired") });
      return;
    }
    form.reset();
    const body = { name: name.trim(), department: department.trim() || null };
    const options = {
      onSuccess: () => onSaved(body.name),
      onError: (error: unknown) => form.failFromServer(error, { "catalog.name_taken": "name" }),
    };
    if (site) update.mutate({ id: site.id, ...body }, options);
    else create.mutate(body, options);
  }

  const submitLabel = site ? t("common.save") : t("placementSites.create");
  return (
    <DialogForm form={form} onSubmit={onSubmit} onCancel={onCancel} pending={pending} submitLabel={submitLabel}>
      <FormTextfield
        form={form}
        name="name"
        description={t("placementSites.nameHint")}
        value={name}
        onValue={setName}
      />
      <FormTextfield
        form={form}
        name="department"
        description={t("placementSites.departmentHint")}
        value={department}
        onValue={setDepartment}
      />
    </DialogForm>
  );
}
