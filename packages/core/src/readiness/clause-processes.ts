/**
 * Which AIMS process (a row of the responsibility matrix) answers for each top-level clause or
 * sub-clause. A clause is owned when that process has exactly one accountable person.
 * Sub-clauses not listed inherit their parent's process.
 */
export const clauseProcess: Readonly<Record<string, string>> = {
  "4": "aims_leadership",
  "5": "aims_leadership",
  "6": "risk_management",
  "6.1.4": "impact_assessment",
  "6.2": "aims_leadership",
  "6.3": "change_management",
  "7": "aims_leadership",
  "7.2": "competence_and_training",
  "7.3": "competence_and_training",
  "7.5": "document_control",
  "8": "risk_management",
  "8.4": "impact_assessment",
  "9": "monitoring",
  "9.2": "internal_audit",
  "9.3": "management_review",
  "10": "incident_management",
  "10.1": "management_review",
};

/** The process that answers for a clause, walking up "6.1.4" → "6.1" → "6". */
export function processForClause(clauseId: string): string {
  for (let id = clauseId; id; id = id.includes(".") ? id.slice(0, id.lastIndexOf(".")) : "") {
    const process = clauseProcess[id];
    if (process) return process;
  }
  return "aims_leadership";
}
