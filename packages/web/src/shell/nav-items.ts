import type { Permission } from "@openaims/contracts";

export interface NavItem {
  label: string;
  /** Path below /o/:orgId ("" for the overview). */
  path: string;
  permission: Permission;
  /** One line shown with the quick link on the overview. */
  description: string;
}

/** The management system's modules; each owns every page below its path. */
export const managementItems: NavItem[] = [
  {
    label: "Readiness",
    path: "readiness",
    permission: "governance.read",
    description: "Coverage per clause and Annex A area, with the gaps to close.",
  },
  {
    label: "Inventory",
    path: "inventory",
    permission: "governance.read",
    description: "AI systems, their assets and the vendors behind them.",
  },
  {
    label: "Licences",
    path: "licences",
    permission: "governance.read",
    description: "Licences of models and datasets, judged against your licence policy.",
  },
  { label: "Risks", path: "risks", permission: "governance.read", description: "Risk register, treatment and method." },
  {
    label: "Impact assessments",
    path: "impact-assessments",
    permission: "governance.read",
    description: "Effects of each AI system on people and society.",
  },
  {
    label: "Controls & SoA",
    path: "controls",
    permission: "governance.read",
    description: "Annex A and custom controls, and the Statement of Applicability.",
  },
  {
    label: "Documents",
    path: "documents",
    permission: "governance.read",
    description: "AIMS scope, policies, procedures and responsibilities.",
  },
  {
    label: "Evidence",
    path: "evidence",
    permission: "governance.read",
    description: "Files, links and records that prove controls work.",
  },
  {
    label: "Security tests",
    path: "security-tests",
    permission: "governance.read",
    description: "Red-team scans of AI systems, their findings and nonconformities.",
  },
  {
    label: "Model scans",
    path: "model-scans",
    permission: "governance.read",
    description: "Scans of model files for code that runs on load, signature checks, and their findings.",
  },
  {
    label: "Agents",
    path: "agents",
    permission: "governance.read",
    description: "AI agents, their tools and action classes, and the action policies that decide what they may do.",
  },
  {
    label: "Agent approvals",
    path: "agent-approvals",
    permission: "governance.read",
    description: "Agents' actions waiting for a person to approve or refuse them, with the decision logs.",
  },
  {
    label: "Release gates",
    path: "gates",
    permission: "governance.read",
    description: "What each AI system must show before it moves to its next stage, and every decision.",
  },
  {
    label: "Changes",
    path: "changes",
    permission: "governance.read",
    description: "Changes to AI systems, their approval, and what they send back for review.",
  },
  {
    label: "Monitoring",
    path: "monitoring",
    permission: "governance.read",
    description: "Metrics of AI systems in operation, their thresholds and alerts.",
  },
  {
    label: "Drift",
    path: "drift",
    permission: "governance.read",
    description: "Drift reports comparing the data AI systems see in operation with their reference data.",
  },
  {
    label: "Incidents",
    path: "incidents",
    permission: "governance.read",
    description: "Incidents, their timeline and communications, and reported concerns.",
  },
  {
    label: "Nonconformities",
    path: "nonconformities",
    permission: "governance.read",
    description: "Nonconformities, corrective actions, effectiveness checks and improvements.",
  },
  {
    label: "Internal audits",
    path: "audits",
    permission: "governance.read",
    description: "The audit programme, audits with their checklists, results and reports.",
  },
  {
    label: "Management reviews",
    path: "reviews",
    permission: "governance.read",
    description: "Reviews by top management: the input pack, decisions and actions.",
  },
  {
    label: "Objectives",
    path: "objectives",
    permission: "governance.read",
    description: "AI objectives, how they are measured, and their progress.",
  },
  {
    label: "Competence",
    path: "competence",
    permission: "governance.read",
    description: "Competences and training per role, coverage and gaps, and policy acknowledgements.",
  },
  {
    label: "Catalogue",
    path: "catalogue",
    permission: "governance.read",
    description: "ISO/IEC 42001 clauses, Annex A, threats and crosswalks, in plain words.",
  },
];

export const settingsItems: NavItem[] = [
  {
    label: "Organisation",
    path: "organisation",
    permission: "org.read",
    description: "Its name, and who may approve whose work (segregation of duties).",
  },
  { label: "Members", path: "members", permission: "members.read", description: "Who belongs here, and their roles." },
  {
    label: "Invitations",
    path: "invitations",
    permission: "invitations.read",
    description: "Invite people by e-mail and track their invitations.",
  },
  {
    label: "API tokens",
    path: "tokens",
    permission: "tokens.manage_own",
    description: "Tokens for scripts, the CLI and CI pipelines.",
  },
  {
    label: "Single sign-on",
    path: "sso",
    permission: "sso.read",
    description: "Sign in through your OpenID Connect identity provider.",
  },
  {
    label: "Webhooks",
    path: "webhooks",
    permission: "webhooks.manage",
    description: "Signed calls to your systems when reminders fall due.",
  },
  {
    label: "Audit trail",
    path: "audit-trail",
    permission: "audit_trail.read",
    description: "Every change, hash-chained and verifiable.",
  },
];

export const API_REFERENCE_URL = "/api/v1/docs";
