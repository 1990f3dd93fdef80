import type { ReadinessAction } from "@openaims/contracts";
import { managementItems } from "../shell/nav-items";

export type SeverityFilter = "all" | ReadinessAction["severity"];

/** "all", "clauses", "systems", or an Annex A area id ("A.6", "custom"). */
export type ServesFilter = string;

export interface ActionFilters {
  severity: SeverityFilter;
  serves: ServesFilter;
  /** The module where the act is done: the first segment of its path, or "all". */
  place: string;
}

/** The module an act is done in, by the first segment of its web path. */
export function placeOf(action: Pick<ReadinessAction, "path">): string {
  return action.path.split(/[/?]/)[0] ?? "";
}

/** The name of a module as the navigation shows it. */
export function placeLabel(place: string): string {
  return managementItems.find((item) => item.path === place)?.label ?? place;
}

export function matchesFilters(action: ReadinessAction, filters: ActionFilters): boolean {
  if (filters.severity !== "all" && action.severity !== filters.severity) return false;
  if (filters.place !== "all" && placeOf(action) !== filters.place) return false;
  if (filters.serves === "clauses") return action.clauseIds.length > 0;
  if (filters.serves === "systems") return action.systems.length > 0;
  if (filters.serves !== "all") return action.areaIds.includes(filters.serves);
  return true;
}

/** A list for one line: the first few ids, then how many more. */
export function shortList(ids: readonly string[], shown = 6): string {
  if (ids.length <= shown) return ids.join(", ");
  return `${ids.slice(0, shown).join(", ")} and ${ids.length - shown} more`;
}

/** The Annex A area of a control ref ("A.6.2.4" → "A.6"); custom controls are "custom". */
export function areaOfRef(ref: string): string {
  const match = /^(A\.\d+)\./.exec(ref);
  return match?.[1] ?? "custom";
}
