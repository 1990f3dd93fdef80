import type { DocumentKind } from "@openaims/contracts";
import { processForClause } from "./clause-processes.js";
import type { ReadinessCheck, ReadinessFacts } from "./readiness-types.js";

export interface ClauseInput {
  id: string;
  title: string;
  expectedDocumentKind?: DocumentKind;
}

const documentLabels: Record<DocumentKind, string> = {
  aims_scope: "AIMS scope",
  ai_policy: "AI policy",
  policy: "policy",
  procedure: "procedure",
  risk_method: "risk method document",
  objectives: "AI objectives",
  record: "record",
  other: "document",
};

/** The checks for one clause: an accountable owner, current evidence, the expected document, and record checks. */
export function clauseChecks(clause: ClauseInput, facts: ReadinessFacts): ReadinessCheck[] {
  const process = processForClause(clause.id);
  const evidence = facts.clauseEvidence.get(clause.id) ?? { current: 0, expired: 0 };
  const checks: ReadinessCheck[] = [
    check(
      "owner",
      `An accountable owner for ${process.replaceAll("_", " ")}`,
      facts.accountableProcesses.has(process),
      {
        action: `Name one accountable person for the ${process.replaceAll("_", " ")} process`,
        path: "documents/responsibilities",
        severity: "medium",
      },
    ),
    check("evidence", "Current evidence linked to the clause", evidence.current > 0, {
      action:
        evidence.expired > 0
          ? `Renew the expired evidence for clause ${clause.id}`
          : `Link evidence to clause ${clause.id}`,
      path: `evidence?clauseId=${clause.id}`,
      severity: evidence.expired > 0 ? "high" : "medium",
    }),
  ];
  const kind = clause.expectedDocumentKind;
  if (kind) {
    checks.push(
      check("document", `An approved ${documentLabels[kind]}`, facts.approvedDocumentKinds.has(kind), {
        action: `Approve ${/^[aeiou]/i.test(documentLabels[kind]) ? "an" : "a"} ${documentLabels[kind]} document`,
        path: kind === "aims_scope" ? "documents/scope" : "documents",
        severity: "high",
      }),
    );
  }
  checks.push(...recordChecks(clause.id, facts));
  return checks;
}

/** Clauses whose fulfilment shows in the records themselves, not only in attached evidence. */
function recordChecks(clauseId: string, facts: ReadinessFacts): ReadinessCheck[] {
  const systems = facts.systems;
  switch (clauseId) {
    case "6.1.2":
    case "8.2":
      return [
        check(
          "risks-identified",
          "Every AI system has assessed risks",
          systems.length > 0 && systems.every((s) => s.riskCount > 0),
          {
            action: "Threat-model each AI system to identify its risks",
            path: "risks",
            severity: "high",
          },
        ),
        check("risks-rated", "Every risk is rated", facts.risks.unrated === 0, {
          action: `Rate the ${facts.risks.unrated} unrated risk(s)`,
          path: "risks",
          severity: "medium",
        }),
      ];
    case "6.1.3":
    case "8.3":
      return [
        check("soa-approved", "An approved Statement of Applicability", facts.soa.approvedVersions > 0, {
          action: "Resolve the SoA's issues and approve it",
          path: "controls/soa",
          severity: "high",
        }),
        check("soa-consistent", "The SoA has no open issues", facts.soa.openIssues === 0, {
          action: `Resolve the ${facts.soa.openIssues} issue(s) in the Statement of Applicability`,
          path: "controls/soa",
          severity: "high",
        }),
        check(
          "high-risks-treated",
          "High and critical risks have a treatment",
          facts.risks.openHighWithoutTreatment === 0,
          {
            action: `Choose a treatment for ${facts.risks.openHighWithoutTreatment} high or critical risk(s)`,
            path: "risks",
            severity: "high",
          },
        ),
      ];
    case "6.1.4":
    case "8.4":
      return [
        check(
          "impact-assessed",
          "Every AI system has a current approved impact assessment",
          systems.length > 0 && systems.every((s) => s.impactAssessment === "approved"),
          { action: "Approve an impact assessment for each AI system", path: "impact-assessments", severity: "high" },
        ),
      ];
    case "5.3":
      return [
        check(
          "systems-accountable",
          "Every AI system has an accountable person",
          systems.every((s) => s.hasAccountable),
          {
            action: "Name an accountable person for each AI system",
            path: "documents/responsibilities",
            severity: "medium",
          },
        ),
      ];
    default:
      return [];
  }
}

function check(key: string, label: string, met: boolean, gap: NonNullable<ReadinessCheck["gap"]>): ReadinessCheck {
  return met ? { key, label, met } : { key, label, met, gap };
}
