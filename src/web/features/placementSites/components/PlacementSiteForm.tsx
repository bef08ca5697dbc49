import { Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlacementSite } from "../../../api/listPlacementSites.ts";
import { FormButtons } from "../../../components/FormButtons.tsx";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
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
  const form = useFormErrors(site ? `site-${site.id}` : "new-site");
  const create = useCreatePlacementSite();
  const update = useUpdatePlacementSite();
  const [name, setName] = useState(site?.name ?? "");
  const [department, setDepartment] = useState(site?.department ?? "");
  const pending = create.isPending || update.isPending;
  const labels = { name: t("placementSites.name"), department: t("placementSites.department") };

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

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
      <Textfield
        id={form.fieldId("name")}
        label={labels.name}
        description={t("placementSites.nameHint")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fieldErrors.name}
      />
      <Textfield
        id={form.fieldId("department")}
        label={labels.department}
        description={t("placementSites.departmentHint")}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
        error={form.fieldErrors.department}
      />
      <FormButtons
        submitLabel={site ? t("common.save") : t("placementSites.create")}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
