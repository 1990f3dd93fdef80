import type { CertificationStepId, DocumentKind } from "@openaims/contracts";
import { processForClause } from "./clause-processes.js";
import type { ReadinessCheck, ReadinessFacts, ReadinessGap } from "./readiness-types.js";
import { countOf, documentNames, processName, withArticle } from "./readiness-wording.js";

export interface ClauseInput {
  id: string;
  title: string;
  expectedDocumentKind?: DocumentKind;
}

/** Which step of the path approving each kind of document belongs to. */
const documentStep: Record<DocumentKind, CertificationStepId> = {
  aims_scope: "scope",
  ai_policy: "policy",
  risk_method: "risk-method",
  procedure: "risk-assessment",
  objectives: "policy",
  policy: "policy",
  record: "operation",
  other: "operation",
};

/** Which step naming the owner of each process belongs to; the rest belong to roles. */
const processStep: Partial<Record<string, CertificationStepId>> = {
  internal_audit: "internal-audit",
  management_review: "management-review",
  incident_management: "improvement",
};

/** The checks for one clause: an accountable owner, current evidence, the expected document, and record checks. */
export function clauseChecks(clause: ClauseInput, facts: ReadinessFacts): ReadinessCheck[] {
  const process = processForClause(clause.id);
  const evidence = facts.clauseEvidence.get(clause.id) ?? { current: 0, expired: 0 };
  const ownerAction = `Name one accountable person for the ${processName(process)} process`;
  const checks: ReadinessCheck[] = [
    check(`An accountable owner for ${processName(process)}`, "owner", facts.accountableProcesses.has(process), {
      action: ownerAction,
      path: "documents/responsibilities",
      severity: "medium",
      group: {
        key: `process-owner:${process}`,
        action: ownerAction,
        path: "documents/responsibilities",
        step: processStep[process] ?? "roles",
      },
    }),
    check("Current evidence linked to the clause", "evidence", evidence.current > 0, {
      action:
        evidence.expired > 0
          ? `Renew the expired evidence for clause ${clause.id}`
          : `Link evidence to clause ${clause.id}`,
      path: `evidence?clauseId=${clause.id}`,
      severity: evidence.expired > 0 ? "high" : "medium",
      group:
        evidence.expired > 0
          ? renewEvidenceGroup
          : {
              key: "clause-evidence",
              action: "Link current evidence to each clause that has none",
              path: "evidence",
              step: "operation",
            },
    }),
  ];
  const kind = clause.expectedDocumentKind;
  if (kind) {
    const name = documentNames[kind];
    const action = `Approve ${withArticle(name)}${kind === "other" ? "" : " document"}`;
    const path = kind === "aims_scope" ? "documents/scope" : "documents";
    checks.push(
      check(`An approved ${name}`, "document", facts.approvedDocumentKinds.has(kind), {
        action,
        path,
        severity: "high",
        group: { key: `approve-document:${kind}`, action, path, step: documentStep[kind] },
      }),
    );
  }
  checks.push(...recordChecks(clause.id, facts));
  return checks;
}

/** Renewing expired evidence closes clause and control gaps alike, all from one list. */
export const renewEvidenceGroup = {
  key: "renew-expired-evidence",
  action: "Renew the expired evidence",
  path: "evidence/attention",
  step: "operation",
} as const satisfies ReadinessGap["group"];

/** Clauses whose fulfilment shows in the records themselves, not only in attached evidence. */
function recordChecks(clauseId: string, facts: ReadinessFacts): ReadinessCheck[] {
  const systems = facts.systems;
  switch (clauseId) {
    case "6.1.2":
    case "8.2":
      return [
        systems.length === 0
          ? check("At least one AI system is registered", "systems-registered", false, registerSystemsGap)
          : check(
              "Every AI system has assessed risks",
              "risks-identified",
              systems.every((s) => s.riskCount > 0),
              gap("Threat-model each AI system to identify its risks", "risks", "high", threatModelGroup),
            ),
        check(
          "Every risk is rated",
          "risks-rated",
          facts.risks.unrated === 0,
          gap(`Rate the ${countOf(facts.risks.unrated, "unrated risk")}`, "risks", "medium", {
            key: "rate-risks",
            action: "Rate every unrated risk",
            path: "risks",
            step: "risk-assessment",
          }),
        ),
      ];
    case "6.1.3":
    case "8.3":
      return [
        check("An approved Statement of Applicability", "soa-approved", facts.soa.approvedVersions > 0, soaApproveGap),
        check(
          "The SoA has no open issues",
          "soa-consistent",
          facts.soa.openIssues === 0,
          gap(
            `Resolve the ${countOf(facts.soa.openIssues, "issue")} in the Statement of Applicability`,
            "controls/soa",
            "high",
            {
              key: "soa-issues",
              action: "Resolve the open issues in the Statement of Applicability",
              path: "controls/soa",
              step: "controls",
            },
          ),
        ),
        check(
          "High and critical risks have a treatment",
          "high-risks-treated",
          facts.risks.openHighWithoutTreatment === 0,
          gap(
            `Choose a treatment for ${countOf(facts.risks.openHighWithoutTreatment, "high or critical risk")}`,
            "risks",
            "high",
            {
              key: "choose-treatments",
              action: "Choose a treatment for every high or critical risk",
              path: "risks",
              step: "controls",
            },
          ),
        ),
      ];
    case "6.1.4":
    case "8.4":
      return [
        systems.length === 0
          ? check("At least one AI system is registered", "systems-registered", false, registerSystemsGap)
          : check(
              "Every AI system has a current approved impact assessment",
              "impact-assessed",
              systems.every((s) => s.impactAssessment === "approved"),
              gap("Approve an impact assessment for each AI system", "impact-assessments", "high", impactGroup),
            ),
      ];
    case "5.3":
      return [
        check(
          "Every AI system has an accountable person",
          "systems-accountable",
          systems.every((s) => s.hasAccountable),
          gap("Name an accountable person for each AI system", "documents/responsibilities", "medium", {
            ...systemAccountableGroup,
          }),
        ),
      ];
    default:
      return [];
  }
}

/** Shared by the clause checks and the per-system checks that the same act closes. */
export const threatModelGroup = {
  key: "threat-model-systems",
  action: "Threat-model each AI system that has no risks yet",
  path: "risks",
  step: "risk-assessment",
} as const satisfies ReadinessGap["group"];

export const impactGroup = {
  key: "impact-assessments",
  action: "Bring each AI system's impact assessment to approved",
  path: "impact-assessments",
  step: "risk-assessment",
} as const satisfies ReadinessGap["group"];

export const systemAccountableGroup = {
  key: "system-accountable",
  action: "Name an accountable person for each AI system",
  path: "documents/responsibilities",
  step: "roles",
} as const satisfies ReadinessGap["group"];

const registerSystemsGroup = {
  key: "register-systems",
  action: "Register the AI systems in scope",
  path: "inventory/systems/new",
  step: "inventory",
} as const satisfies ReadinessGap["group"];

const registerSystemsGap = gap(registerSystemsGroup.action, registerSystemsGroup.path, "high", registerSystemsGroup);

const soaApproveGap = gap("Resolve the SoA's issues and approve it", "controls/soa", "high", {
  key: "approve-soa",
  action: "Approve the Statement of Applicability",
  path: "controls/soa",
  step: "controls",
});

function gap(
  action: string,
  path: string,
  severity: ReadinessGap["severity"],
  group: ReadinessGap["group"],
): ReadinessGap {
  return { action, path, severity, group };
}

function check(label: string, key: string, met: boolean, onGap: ReadinessGap): ReadinessCheck {
  return met ? { key, label, met } : { key, label, met, gap: onGap };
}
