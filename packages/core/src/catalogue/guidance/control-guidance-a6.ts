import type { ControlGuidance } from "../catalogue-types.js";

/** Our guidance for Annex A area A.6: the AI system life cycle. */
export const controlGuidanceA6: Readonly<Record<string, ControlGuidance>> = {
  "A.6.1.2": {
    asks: "Set and document objectives for developing AI responsibly, and build them into how systems are designed and built.",
    typicalEvidence: ["Responsible development objectives", "Design reviews that check against them"],
    pitfalls: ["Objectives that never reach the engineering backlog"],
    suggestedFreshnessDays: 365,
  },
  "A.6.1.3": {
    asks: "Define and document the processes for responsible design and development: stages, reviews, approvals, testing, human oversight design.",
    typicalEvidence: ["Development life-cycle procedure", "Stage-gate records per system"],
    pitfalls: ["Experimental projects bypassing the process and then shipping"],
    suggestedFreshnessDays: 365,
  },
  "A.6.2.2": {
    asks: "Specify requirements for new AI systems or major changes, including intended purpose, performance, safety, security and oversight needs.",
    typicalEvidence: ["Requirements or specification per system", "Acceptance criteria linked to tests"],
    pitfalls: ["Requirements written after the system is built", "No security or misuse requirements"],
    suggestedFreshnessDays: 180,
  },
  "A.6.2.3": {
    asks: "Document the design and development of each AI system: architecture, model choices, data, training approach, trade-offs made.",
    typicalEvidence: ["Design documents or model cards", "Architecture and data-flow diagrams", "Decision log"],
    pitfalls: ["Design knowledge kept only in people's heads or chat threads"],
    suggestedFreshnessDays: 180,
  },
  "A.6.2.4": {
    asks: "Define how AI systems are verified and validated, with criteria and test sets, and keep the results before release and after changes.",
    typicalEvidence: [
      "Test plan with criteria",
      "Evaluation and security test results with dates",
      "Sign-off against acceptance criteria",
    ],
    pitfalls: [
      "Testing only accuracy, not robustness, misuse or fairness",
      "Old results reused after the model changed",
    ],
    suggestedFreshnessDays: 90,
  },
  "A.6.2.5": {
    asks: "Plan deployment and check that the system meets its requirements before it goes live; record the release decision.",
    typicalEvidence: ["Release checklist with approvals", "Deployment plan and rollback plan"],
    pitfalls: ["Releases that skip the gate under time pressure", "No record of who approved the release"],
    suggestedFreshnessDays: 180,
  },
  "A.6.2.6": {
    asks: "Operate and monitor AI systems in production: performance, drift, errors, misuse, and act when thresholds are crossed.",
    typicalEvidence: ["Monitoring dashboards or reports with thresholds", "Alert and response records"],
    pitfalls: ["Monitoring uptime only, not model quality", "Alerts nobody is assigned to"],
    suggestedFreshnessDays: 90,
  },
  "A.6.2.7": {
    asks: "Keep technical documentation that the relevant people (users, operators, regulators, auditors) need, in a form suited to them.",
    typicalEvidence: ["Technical documentation per system", "Version matching the deployed system"],
    pitfalls: ["Documentation for an older version", "One document trying to serve every audience"],
    suggestedFreshnessDays: 180,
  },
  "A.6.2.8": {
    asks: "Decide at which stages event logs are kept and make sure they are recorded, protected and retained long enough to investigate.",
    typicalEvidence: ["Logging specification", "Sample logs", "Retention and access settings"],
    pitfalls: [
      "Logs missing prompts, tool calls or model versions",
      "Logs containing personal data without protection",
    ],
    suggestedFreshnessDays: 90,
  },
};
