import type { ChecklistRequirementKind } from "@openaims/contracts";
import { annexAControls } from "../catalogue/annex-a.js";
import { clauses } from "../catalogue/clauses.js";
import { findAnnexAControl, findClause } from "../catalogue/lookups.js";
import type { RequirementAuditTemplate } from "./checklist-template-types.js";
import { clauseAuditTemplates } from "./clause-audit-templates.js";
import { controlAuditTemplates } from "./control-audit-templates.js";

/** One item of a new audit's checklist, copied from its template so later template changes leave it alone. */
export interface ChecklistSeedItem extends RequirementAuditTemplate {
  requirementKind: ChecklistRequirementKind;
  requirementId: string;
  title: string;
}

const parentIds = new Set(clauses.map((clause) => clause.parentId).filter((id): id is string => id !== null));

/** The clause requirements an audit can check: every clause id of 4–10 without sub-clauses, in document order. */
export const auditableClauseIds: readonly string[] = clauses
  .filter((clause) => !parentIds.has(clause.id))
  .map((clause) => clause.id);

/** The template for a clause requirement or Annex A control, or undefined for an id outside the catalogue. */
export function auditTemplateFor(
  kind: ChecklistRequirementKind,
  requirementId: string,
): RequirementAuditTemplate | undefined {
  const templates = kind === "clause" ? clauseAuditTemplates : controlAuditTemplates;
  return Object.hasOwn(templates, requirementId) ? templates[requirementId] : undefined;
}

/** Whether `id` is the clause `ancestorId` or lies below it ("9.2.1" under "9" and "9.2"). */
function isUnder(id: string, ancestorId: string): boolean {
  return id === ancestorId || id.startsWith(`${ancestorId}.`);
}

/** A scope's clause and control ids that are not in the catalogue, for a 400 naming them. */
export function unknownScopeIds(scope: { clauseIds: readonly string[]; controlIds: readonly string[] }): {
  clauseIds: string[];
  controlIds: string[];
} {
  return {
    clauseIds: scope.clauseIds.filter((id) => !findClause(id)),
    controlIds: scope.controlIds.filter((id) => !findAnnexAControl(id)),
  };
}

/**
 * The checklist for an audit's scope: every requirement of the chosen clauses (a clause with sub-clauses
 * brings each of them) and every chosen Annex A control, clauses first, each in document order. A scope
 * naming neither clauses nor controls audits the whole standard. Ids outside the catalogue are ignored;
 * check them first with `unknownScopeIds`.
 */
export function seedChecklist(scope: {
  clauseIds: readonly string[];
  controlIds: readonly string[];
}): ChecklistSeedItem[] {
  const whole = scope.clauseIds.length === 0 && scope.controlIds.length === 0;
  const clauseIds = auditableClauseIds.filter((id) => whole || scope.clauseIds.some((chosen) => isUnder(id, chosen)));
  const controls = annexAControls.filter((control) => whole || scope.controlIds.includes(control.id));
  const items: ChecklistSeedItem[] = [];
  for (const id of clauseIds) {
    const template = clauseAuditTemplates[id];
    const clause = findClause(id);
    if (template && clause)
      items.push({ requirementKind: "clause", requirementId: id, title: clause.title, ...template });
  }
  for (const control of controls) {
    const template = controlAuditTemplates[control.id];
    if (template)
      items.push({ requirementKind: "annex_a", requirementId: control.id, title: control.title, ...template });
  }
  return items;
}

/** The criteria an audit is judged against when its planner writes none. */
export const defaultAuditCriteria =
  "ISO/IEC 42001:2023, clauses 4 to 10 and the Annex A controls in this audit's scope; the organisation's " +
  "AI management system documents: the AI policy, the AIMS scope, the risk method, the Statement of " +
  "Applicability and the procedures they refer to; and the legal and contractual requirements recorded for " +
  "the AI systems audited.";
