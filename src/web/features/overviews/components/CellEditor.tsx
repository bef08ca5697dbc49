import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PlacementSite } from "../../../api/listPlacementSites.ts";
import type { FinishEdit } from "../hooks/useCellEditing.ts";
import type { CellProblem } from "../lib/cells.ts";
import type { GridColumn } from "../lib/columns.ts";
import { ProblemMessage } from "./CellProblems.tsx";

/**
 * The editor in a cell: a list of the trust's sites (those suggested first) or a text field, checked
 * as one types. Enter saves and moves down (Shift up), Tab saves and moves right (Shift left), Escape
 * cancels, leaving the field saves.
 */
export function CellEditor({
  idBase,
  column,
  position,
  value,
  label,
  live,
  suggested,
  sites,
  onChange,
  onFinish,
}: {
  idBase: string;
  column: GridColumn;
  position: { r: number; c: number };
  value: string;
  /** The row's label, after the column's name in the editor's accessible name. */
  label: string;
  /** The problems of the value as typed. */
  live: CellProblem[];
  /** Names of sites the stored value may have meant. */
  suggested: string[];
  sites: PlacementSite[];
  onChange: (value: string) => void;
  onFinish: FinishEdit;
}) {
  const { t } = useTranslation();
  const liveId = `${idBase}-live`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onFinish("save", { r: position.r + (event.shiftKey ? -1 : 1), c: position.c });
    } else if (event.key === "Tab") {
      event.preventDefault();
      onFinish("save", { r: position.r, c: position.c + (event.shiftKey ? -1 : 1) });
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onFinish("cancel", null);
    }
  };
  const common = {
    "aria-label": `${t(`overviews.columns.${column.key}`)}, ${label}`,
    "aria-invalid": live.some((p) => !p.warning) ? true : undefined,
    "aria-describedby": live.length > 0 ? liveId : undefined,
    className: "cell-editor",
    autoFocus: true,
    onKeyDown,
    onBlur: () => onFinish("save", "stay"),
  };
  return (
    <>
      {column.field === "placementSiteId" ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("overviews.grid.noSite")}</option>
          {suggested.length > 0 ? (
            <optgroup label={t("overviews.grid.suggestedSites")}>
              {suggested.map((name) => {
                const site = sites.find((s) => s.name === name);
                return site ? (
                  <option key={`s-${site.id}`} value={site.id}>
                    {site.name}
                  </option>
                ) : null;
              })}
            </optgroup>
          ) : null}
          <optgroup label={t("overviews.grid.allSites")}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.department && s.department !== s.name ? `${s.name} (${s.department})` : s.name}
              </option>
            ))}
          </optgroup>
        </select>
      ) : (
        <input
          {...common}
          type="text"
          value={value}
          inputMode={column.kind === "nationalId" ? "numeric" : undefined}
          placeholder={column.kind === "date" ? t("overviews.grid.datePlaceholder") : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <ProblemMessage id={liveId} problems={live} live />
    </>
  );
}
