import { useTranslation } from "react-i18next";
import type { PlacementSite } from "../../../api/listPlacementSites.ts";
import { problemText } from "../../../lib/problems.ts";
import type { CellProblem } from "../lib/cells.ts";

/** A cell's problems as one text under its value (the editor's `live` ones as one types), amber when all are warnings. */
export function ProblemMessage({ id, problems, live }: { id: string; problems: CellProblem[]; live?: boolean }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const tone = problems.some((p) => !p.warning) ? "" : "is-warning";
  return (
    <span id={id} className={live ? `cell-msg cell-msg-live ${tone}` : `cell-msg ${tone}`}>
      {problems.map((p) => problemText(t, p.code, p.suggestions, p.details)).join(" ")}
    </span>
  );
}

/** The trust's sites a name not in the list may have meant, each a button that picks it. */
export function SiteSuggestions({
  names,
  sites,
  onPick,
}: {
  names: string[];
  sites: PlacementSite[];
  onPick: (site: PlacementSite) => void;
}) {
  if (names.length === 0) return null;
  return (
    <span className="suggestions">
      {names.map((name) => {
        const site = sites.find((s) => s.name === name);
        return site ? (
          <button
            key={name}
            type="button"
            className="suggestion-button"
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              onPick(site);
            }}
          >
            {name}
          </button>
        ) : null;
      })}
    </span>
  );
}
