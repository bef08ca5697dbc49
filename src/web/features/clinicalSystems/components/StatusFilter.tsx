import { Field, Label, Select } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ArchiveFilter } from "../../../../contracts/clinical-systems.ts";

/** The URL's `vis` (`arkiverte`, `alle`; in use when absent) as the lists' status filter. */
const values: Record<ArchiveFilter, string | null> = { active: null, archived: "arkiverte", all: "alle" };

export function useStatusFilter(): [ArchiveFilter, (status: ArchiveFilter) => void] {
  const [params, setParams] = useSearchParams();
  const shown = params.get("vis");
  const status = (Object.keys(values) as ArchiveFilter[]).find((s) => values[s] === shown) ?? "active";
  const setStatus = (next: ArchiveFilter) =>
    setParams(
      (prev) => {
        const url = new URLSearchParams(prev);
        const value = values[next];
        if (value) url.set("vis", value);
        else url.delete("vis");
        url.delete("side");
        return url;
      },
      { replace: true },
    );
  return [status, setStatus];
}

/** Shows what is in use, what is archived, or both. */
export function StatusFilter({
  id,
  status,
  onChange,
}: {
  id: string;
  status: ArchiveFilter;
  onChange: (s: ArchiveFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field className="access-filter">
      <Label htmlFor={id}>{t("clinicalSystems.status.label")}</Label>
      <Select id={id} value={status} onChange={(e) => onChange(e.target.value as ArchiveFilter)}>
        {(["active", "archived", "all"] as const).map((s) => (
          <Select.Option key={s} value={s}>
            {t(`clinicalSystems.status.${s}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
