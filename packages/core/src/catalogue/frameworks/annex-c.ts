import type { FrameworkItem } from "./framework-item.js";

/** Annex C (informative): organisational objectives an AI risk assessment may weigh. */
export const annexCObjectives: readonly FrameworkItem[] = [
  { id: "C.2.1", title: "Accountability" },
  { id: "C.2.2", title: "AI expertise" },
  { id: "C.2.3", title: "Availability and quality of training and test data" },
  { id: "C.2.4", title: "Environmental impact" },
  { id: "C.2.5", title: "Fairness" },
  { id: "C.2.6", title: "Maintainability" },
  { id: "C.2.7", title: "Privacy" },
  { id: "C.2.8", title: "Robustness" },
  { id: "C.2.9", title: "Safety" },
  { id: "C.2.10", title: "Security" },
  { id: "C.2.11", title: "Transparency and explainability" },
];

/** Annex C (informative): sources of AI risk; the threat library maps each threat to these. */
export const annexCRiskSources: readonly FrameworkItem[] = [
  { id: "C.3.1", title: "Complexity of environment" },
  { id: "C.3.2", title: "Lack of transparency and explainability" },
  { id: "C.3.3", title: "Level of automation" },
  { id: "C.3.4", title: "Risk sources related to machine learning" },
  { id: "C.3.5", title: "System hardware issues" },
  { id: "C.3.6", title: "System life cycle issues" },
  { id: "C.3.7", title: "Technology readiness" },
];
