import { annexAAreas, annexAControls, annexAObjectives } from "./annex-a.js";
import type { AnnexAArea, AnnexAControl, AnnexAObjective, Clause } from "./catalogue-types.js";
import { clauses } from "./clauses.js";

function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const clauseById = indexById(clauses);
const areaById = indexById(annexAAreas);
const objectiveById = indexById(annexAObjectives);
const controlById = indexById(annexAControls);

/** The clause with this number ("6.1.2"), or undefined. */
export function findClause(id: string): Clause | undefined {
  return clauseById.get(id);
}

/** The Annex A control with this id ("A.6.2.4"), or undefined. */
export function findAnnexAControl(id: string): AnnexAControl | undefined {
  return controlById.get(id);
}

/** The Annex A area with this id ("A.6"), or undefined. */
export function findAnnexAArea(id: string): AnnexAArea | undefined {
  return areaById.get(id);
}

/** The Annex A objective with this id ("A.6.2"), or undefined. */
export function findAnnexAObjective(id: string): AnnexAObjective | undefined {
  return objectiveById.get(id);
}

/** True when the id is one of the 43 clause ids of clauses 4–10. */
export function isClauseId(id: string): boolean {
  return clauseById.has(id);
}

/** True when the id is one of the 38 Annex A control ids. */
export function isAnnexAControlId(id: string): boolean {
  return controlById.has(id);
}

/** The direct sub-clauses of a clause, in document order. */
export function childClauses(parentId: string): Clause[] {
  return clauses.filter((clause) => clause.parentId === parentId);
}

/** The controls of one Annex A area, in document order. */
export function controlsInArea(areaId: string): AnnexAControl[] {
  return annexAControls.filter((control) => control.areaId === areaId);
}
