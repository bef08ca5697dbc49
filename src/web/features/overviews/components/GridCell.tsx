import { Button } from "@digdir/designsystemet-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Row, RowField } from "../../../../contracts/overviews.ts";
import { orderColour, registrationColour } from "../../../../domain/statuses.ts";
import type { PlacementSite } from "../../../api/listPlacementSites.ts";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { formatDate } from "../../../lib/format.ts";
import type { Editing, FinishEdit } from "../hooks/useCellEditing.ts";
import { type CellProblem, displayValue, formatChangeValue } from "../lib/cells.ts";
import type { GridColumn } from "../lib/columns.ts";
import type { Draft } from "../lib/drafts.ts";
import { cellKey } from "../lib/gridKeys.ts";
import { cellProblems } from "../lib/problemRows.ts";
import { CellEditor } from "./CellEditor.tsx";
import { ProblemMessage, SiteSuggestions } from "./CellProblems.tsx";
import { WithdrawCell } from "./WithdrawCell.tsx";

function stateCell(t: (key: string) => string, row: Row, column: GridColumn): { text: string; colour: string } {
  if (column.key === "registered") {
    return {
      text: t(`overviews.registration.${row.registrationState}`),
      colour: registrationColour(row.registrationState),
    };
  }
  if (column.key === "ordered") {
    return { text: t(`overviews.order.${row.orderState}`), colour: orderColour(row.orderState) };
  }
  const s = row.learningPortalState;
  return {
    text: t(`overviews.learningPortal.${s}`),
    colour: s === "created" ? "green" : s === "not_needed" ? "neutral" : "yellow",
  };
}

/**
 * One cell of the grid: a value with its problems, site suggestions and latest change (who and
 * when, beside the cell on hover and focus), the editor while it is edited, a state in colour and
 * text, or the comments and delete buttons. A click on the focused cell or a double click edits.
 */
export function GridCell({
  idBase,
  row,
  rowIndex,
  column,
  columnIndex,
  frozen,
  label,
  isActive,
  editing,
  draft,
  revealed,
  canEdit,
  sites,
  addedInfo,
  checkProblems,
  onActivate,
  onStartEdit,
  onChangeEditing,
  onFinishEdit,
  onReveal,
  onPickSite,
  onOpenComments,
  onDelete,
  canWithdraw = false,
  onWithdraw = () => {},
}: {
  idBase: string;
  row: Row;
  rowIndex: number;
  column: GridColumn;
  columnIndex: number;
  frozen: boolean;
  label: string;
  isActive: boolean;
  editing: Editing | null;
  draft: Draft | undefined;
  revealed: string | undefined;
  canEdit: boolean;
  sites: PlacementSite[];
  addedInfo: string | null;
  checkProblems: (value: string) => CellProblem[];
  onActivate: () => void;
  onStartEdit: () => void;
  onChangeEditing: (value: string) => void;
  onFinishEdit: FinishEdit;
  onReveal: () => void;
  onPickSite: (site: PlacementSite) => void;
  onOpenComments: () => void;
  onDelete: () => void;
  canWithdraw?: boolean;
  onWithdraw?: () => void;
}) {
  const { t } = useTranslation();
  const dataCell = cellKey({ r: rowIndex, c: columnIndex });
  const focusedAtPress = useRef(false);
  const tipOwner = useRef<HTMLElement | null>(null);
  const [tip, setTip] = useState<{ top: number; left: number } | null>(null);
  /** Who changed the cell and when, shown on hover and focus beside the cell (fixed, so the scroll box does not clip it). */
  const showTip = (el: HTMLElement) => {
    const rect = el.getBoundingClientRect();
    const below = rect.bottom + 80 < window.innerHeight;
    setTip({
      top: below ? rect.bottom + 2 : Math.max(4, rect.top - 78),
      left: Math.min(rect.left, window.innerWidth - 360),
    });
  };
  const classes = ["cell", `cell-${column.kind}`];
  if (frozen) classes.push("frozen", `frozen-${columnIndex}`);
  const Tag = columnIndex === 0 ? "th" : "td";
  const scope = columnIndex === 0 ? "row" : undefined;

  if (column.kind === "withdraw") {
    const props = { row, label, dataCell, isActive, canWithdraw, onActivate, onWithdraw };
    return <WithdrawCell {...props} className={classes.join(" ")} />;
  }
  if (column.kind === "comments" || column.kind === "actions") {
    const count = row.comments.length;
    return (
      <td className={classes.join(" ")}>
        {column.kind === "comments" && !row.anonymisedAt ? (
          <Button
            variant="tertiary"
            data-size="sm"
            data-color={count > 0 ? "danger" : undefined}
            className="grid-button"
            data-cell={dataCell}
            tabIndex={isActive ? 0 : -1}
            aria-label={t("overviews.comments.open", { count, name: label })}
            onFocus={onActivate}
            onClick={onOpenComments}
          >
            {count > 0 ? t("overviews.comments.count", { count }) : t("overviews.comments.none")}
          </Button>
        ) : canEdit ? (
          <Button
            variant="tertiary"
            data-size="sm"
            data-color="danger"
            className="grid-button"
            data-cell={dataCell}
            tabIndex={isActive ? 0 : -1}
            aria-label={t("overviews.grid.deleteRow", { name: label })}
            onFocus={onActivate}
            onClick={onDelete}
          >
            {t("common.delete")}
          </Button>
        ) : (
          // biome-ignore lint/a11y/noStaticElementInteractions: a cell of the grid is reachable with the arrow keys
          <span data-cell={dataCell} tabIndex={isActive ? 0 : -1} onFocus={onActivate} className="muted">
            –
          </span>
        )}
      </td>
    );
  }

  if (column.kind === "state") {
    const state = stateCell(t, row, column);
    return (
      // biome-ignore lint/a11y/useAriaPropsSupportedByRole: in a grid table, a td is a gridcell, which supports aria-readonly
      <td
        className={`${classes.join(" ")} state state-${state.colour}`}
        data-cell={dataCell}
        tabIndex={isActive ? 0 : -1}
        aria-readonly="true"
        onFocus={onActivate}
      >
        {state.text}
      </td>
    );
  }

  const field = column.field as RowField;
  const problems = cellProblems(row, field, columnIndex, draft);
  const errors = problems.filter((p) => !p.warning);
  const suggestions = problems.flatMap((p) => p.suggestions ?? []);
  const change = row.changes.find((ch) => ch.kind === "cell_changed" && ch.field === field);
  // An anonymised row's name cell says that the personal data were deleted, and when (the label).
  const shown = draft
    ? draft.value
    : row.anonymisedAt && field === "lastName"
      ? label
      : displayValue(row, field, field === "nationalId" ? revealed : undefined);
  const siteShown =
    draft && field === "placementSiteId" ? (sites.find((s) => s.id === draft.value)?.name ?? draft.value) : shown;
  const messageId = `${idBase}-msg`;
  const changeId = `${idBase}-chg`;
  const addedId = `${idBase}-add`;
  const describedBy = [problems.length > 0 ? messageId : null, change ? changeId : null, addedInfo ? addedId : null]
    .filter(Boolean)
    .join(" ");
  if (change) classes.push("cell-changed");
  if (errors.length > 0) classes.push("cell-invalid");
  else if (problems.length > 0) classes.push("cell-warning");
  if (draft?.saving) classes.push("cell-saving");

  if (editing) {
    return (
      <Tag className={`${classes.join(" ")} cell-editing`} scope={scope}>
        <CellEditor
          idBase={idBase}
          column={column}
          position={{ r: rowIndex, c: columnIndex }}
          value={editing.value}
          label={label}
          live={checkProblems(editing.value)}
          suggested={suggestions}
          sites={sites}
          onChange={onChangeEditing}
          onFinish={onFinishEdit}
        />
      </Tag>
    );
  }

  return (
    <Tag
      ref={(el: HTMLTableCellElement | null) => {
        tipOwner.current = el;
      }}
      className={classes.join(" ")}
      scope={scope}
      data-cell={dataCell}
      tabIndex={isActive ? 0 : -1}
      aria-invalid={errors.length > 0 ? true : undefined}
      aria-describedby={describedBy || undefined}
      aria-readonly={canEdit ? undefined : true}
      aria-busy={draft?.saving ? true : undefined}
      onFocus={(e) => {
        onActivate();
        if (change) showTip(e.currentTarget);
      }}
      onBlur={() => setTip(null)}
      onMouseEnter={(e) => {
        if (change) showTip(e.currentTarget);
      }}
      onMouseLeave={() => {
        if (document.activeElement !== tipOwner.current) setTip(null);
      }}
      onMouseDown={(e) => {
        focusedAtPress.current = document.activeElement === e.currentTarget;
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("button")) return;
        if (focusedAtPress.current) onStartEdit();
      }}
      onDoubleClick={onStartEdit}
    >
      {addedInfo ? (
        <span className="added-mark" id={addedId}>
          <span aria-hidden="true">{t("overviews.grid.newMark")}</span>
          <span className="ds-sr-only">{addedInfo}</span>
        </span>
      ) : null}
      <span className="cell-value">{field === "placementSiteId" ? siteShown : shown}</span>
      {field === "endDate" && row.extendedFrom && !draft ? (
        <span className="cell-extended">
          {t("overviews.grid.extendedFrom", { date: formatDate(row.extendedFrom) })}
        </span>
      ) : null}
      {field === "nationalId" && row.nationalIdMasked && revealed === undefined && !draft ? (
        <button type="button" className="reveal-button" tabIndex={-1} onClick={onReveal}>
          {t("overviews.grid.reveal")}
          <span className="ds-sr-only"> {t("overviews.grid.revealFor", { name: label })}</span>
        </button>
      ) : null}
      <ProblemMessage id={messageId} problems={problems} />
      {canEdit ? <SiteSuggestions names={suggestions} sites={sites} onPick={onPickSite} /> : null}
      {change ? (
        <span
          id={changeId}
          className={`cell-change${tip ? " is-open" : ""}`}
          style={tip ? { top: `${tip.top}px`, left: `${Math.max(4, tip.left)}px` } : undefined}
        >
          {t("overviews.grid.changedBy", { name: change.by.name, at: formatDateTime(change.at) })}
          {change.from ? ` ${t("overviews.grid.changedFrom", { from: formatChangeValue(field, change.from) })}` : ""}
        </span>
      ) : null}
    </Tag>
  );
}
