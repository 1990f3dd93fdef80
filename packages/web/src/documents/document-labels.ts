import type { AimsProcess, DocumentKind, DocumentStatus, DocumentVersionStatus, RaciRole } from "@openaims/contracts";

export const kindLabels: Record<DocumentKind, string> = {
  aims_scope: "AIMS scope",
  ai_policy: "AI policy",
  policy: "Policy",
  procedure: "Procedure",
  risk_method: "Risk method",
  objectives: "Objectives",
  record: "Record",
  other: "Other",
};

export const statusLabels: Record<DocumentStatus | DocumentVersionStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  superseded: "Superseded",
  retired: "Retired",
};

export const statusColors: Record<DocumentStatus | DocumentVersionStatus, string> = {
  draft: "gray",
  in_review: "violet",
  approved: "green",
  superseded: "blue",
  retired: "dark",
};

export const processLabels: Record<AimsProcess, string> = {
  aims_leadership: "AIMS leadership",
  risk_management: "Risk management",
  impact_assessment: "Impact assessment",
  document_control: "Document control",
  internal_audit: "Internal audit",
  management_review: "Management review",
  incident_management: "Incident management",
  change_management: "Change management",
  supplier_management: "Supplier management",
  data_management: "Data management",
  monitoring: "Monitoring",
  competence_and_training: "Competence and training",
  concern_reporting: "Concern reporting",
};

export const raciLabels: Record<RaciRole, string> = {
  responsible: "Responsible",
  accountable: "Accountable",
  consulted: "Consulted",
  informed: "Informed",
};

/** The one-letter code the matrix shows. */
export const raciLetters: Record<RaciRole, string> = {
  responsible: "R",
  accountable: "A",
  consulted: "C",
  informed: "I",
};
