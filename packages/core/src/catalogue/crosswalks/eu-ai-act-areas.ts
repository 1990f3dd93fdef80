import type { EuAiActAreaLink } from "./crosswalk-types.js";

/**
 * EU AI Act obligations for high-risk systems set beside the closest part of ISO/IEC 42001, at the
 * level of whole clauses and Annex A areas (source: ai-act-companion, an analytical alignment).
 * Conformity with one never proves conformity with the other.
 */
export const euAiActAreaLinks: readonly EuAiActAreaLink[] = [
  {
    article: "Art. 9",
    label: "Art. 9 (risk management)",
    iso42001: ["6.1.2", "6.1.3"],
    note: "AI risk assessment and treatment.",
  },
  { article: "Art. 10", label: "Art. 10 (data governance)", iso42001: ["A.7"], note: "Data for AI systems." },
  {
    article: "Art. 11",
    label: "Art. 11 + Annex IV (technical documentation)",
    iso42001: ["7.5", "A.6"],
    note: "Documented information and life-cycle documentation.",
  },
  {
    article: "Art. 12",
    label: "Art. 12 (logging)",
    iso42001: ["9.1", "A.6"],
    note: "Partial: the Act requires automatic event logging.",
  },
  {
    article: "Art. 13",
    label: "Art. 13 (transparency to deployers)",
    iso42001: ["A.8"],
    note: "Information for interested parties.",
  },
  { article: "Art. 14", label: "Art. 14 (human oversight)", iso42001: ["A.9"], note: "Use of AI systems." },
  {
    article: "Art. 15",
    label: "Art. 15 (accuracy, robustness, cybersecurity)",
    iso42001: ["A.6"],
    note: "Verification, validation and monitoring; cybersecurity is often covered with ISO/IEC 27001.",
  },
  {
    article: "Art. 17",
    label: "Art. 17 (quality management system)",
    iso42001: ["4", "5", "6", "7", "8", "9", "10"],
    note: "The management system as a whole is the closest analogue, and still only partial.",
  },
  {
    article: "Art. 27",
    label: "Art. 27 (fundamental rights impact assessment)",
    iso42001: ["6.1.4", "A.5"],
    note: "Impact assessment; broader in subject than the rights-focused assessment of the Act.",
  },
  {
    article: "Art. 72",
    label: "Art. 72 (post-market monitoring)",
    iso42001: ["9", "10"],
    note: "Moderate: ISO/IEC 42001 has no post-market monitoring plan of the Act's kind.",
  },
];
