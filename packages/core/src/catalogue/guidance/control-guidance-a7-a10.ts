import type { ControlGuidance } from "../catalogue-types.js";

/** Our guidance for Annex A areas A.7 to A.10: data, information, use and third parties. */
export const controlGuidanceA7ToA10: Readonly<Record<string, ControlGuidance>> = {
  "A.7.2": {
    asks: "Define and run data management for developing and improving AI systems: how data is chosen, handled, protected and retired.",
    typicalEvidence: ["Data management procedure", "Data records per dataset"],
    pitfalls: ["Production data reused for training without checking permission", "No rule for deleting data"],
    suggestedFreshnessDays: 180,
  },
  "A.7.3": {
    asks: "Record how data was acquired: sources, rights to use it, consent or licence, and selection criteria.",
    typicalEvidence: ["Acquisition records with licence or legal basis", "Supplier terms for bought data"],
    pitfalls: ["Scraped data with unclear rights", "Licence terms that forbid the actual use"],
    suggestedFreshnessDays: 180,
  },
  "A.7.4": {
    asks: "Define data quality requirements for the AI system and check data against them: accuracy, completeness, representativeness, bias.",
    typicalEvidence: ["Quality criteria", "Data quality check results", "Representativeness analysis"],
    pitfalls: [
      "Quality checked once at collection, never as data changes",
      "No check for groups missing from the data",
    ],
    suggestedFreshnessDays: 180,
  },
  "A.7.5": {
    asks: "Track data provenance: where data came from and what happened to it across its life, so results can be traced back.",
    typicalEvidence: ["Lineage records", "Dataset versions and hashes"],
    pitfalls: ["Unable to say which data trained the deployed model"],
    suggestedFreshnessDays: 180,
  },
  "A.7.6": {
    asks: "Define and document how data is prepared: cleaning, labelling, transformation, anonymisation, and the criteria used.",
    typicalEvidence: ["Preparation steps and scripts under version control", "Labelling guidelines and quality checks"],
    pitfalls: ["Undocumented manual cleaning", "Labelling done without instructions or review"],
    suggestedFreshnessDays: 180,
  },
  "A.8.2": {
    asks: "Give users the information they need about the system: what it does, its limits, how to use it properly and how to interpret output.",
    typicalEvidence: ["User documentation or notices", "Disclosure that users deal with AI where relevant"],
    pitfalls: ["Limitations hidden or written for engineers only"],
    suggestedFreshnessDays: 180,
  },
  "A.8.3": {
    asks: "Let interested parties report adverse effects of the system, and handle those reports.",
    typicalEvidence: ["Public reporting channel", "Log of external reports and responses"],
    pitfalls: ["Reports routed to a general inbox and lost"],
    suggestedFreshnessDays: 365,
  },
  "A.8.4": {
    asks: "Plan how incidents involving AI systems are communicated to users and other affected parties, and do it when incidents happen.",
    typicalEvidence: ["Incident communication plan", "Records of notifications sent"],
    pitfalls: ["No decision on who informs customers", "Legal notification deadlines missed"],
    suggestedFreshnessDays: 365,
  },
  "A.8.5": {
    asks: "Decide and document what you report about AI systems to interested parties (customers, regulators, authorities), and meet those commitments.",
    typicalEvidence: ["List of reporting obligations", "Reports or disclosures made"],
    pitfalls: ["Obligations known only to legal", "Commitments in contracts nobody tracks"],
    suggestedFreshnessDays: 365,
  },
  "A.9.2": {
    asks: "Define and document processes for using AI systems responsibly, including approval before a new AI tool or use is adopted.",
    typicalEvidence: ["Acceptable-use procedure", "Approval records for new AI uses"],
    pitfalls: [
      "Staff adopting AI tools with no approval path",
      "Process that ignores AI features in existing software",
    ],
    suggestedFreshnessDays: 365,
  },
  "A.9.3": {
    asks: "Set objectives that guide responsible use of AI systems, such as human oversight, accuracy or fairness targets, and follow them up.",
    typicalEvidence: ["Use objectives per system or organisation-wide", "Measurements against them"],
    pitfalls: ["Objectives copied from the policy with no measure"],
    suggestedFreshnessDays: 365,
  },
  "A.9.4": {
    asks: "Use each AI system as intended and according to its documentation; watch for and stop use outside that purpose.",
    typicalEvidence: ["Documented intended use and limits per system", "Monitoring of use against it"],
    pitfalls: ["Scope creep into uses nobody assessed", "Intended use never written down"],
    suggestedFreshnessDays: 180,
  },
  "A.10.2": {
    asks: "Allocate responsibilities between you and suppliers, partners and customers across the AI system's life cycle.",
    typicalEvidence: ["Contracts or agreements naming responsibilities", "Shared-responsibility matrix"],
    pitfalls: ["Assuming the vendor handles risks the contract leaves to you"],
    suggestedFreshnessDays: 365,
  },
  "A.10.3": {
    asks: "Make sure AI services, products and data from suppliers fit your approach to responsible AI; assess and review suppliers.",
    typicalEvidence: [
      "Supplier assessments covering AI terms (training on your data, retention, model changes)",
      "Periodic reviews",
    ],
    pitfalls: ["AI features switched on by default and never reviewed", "Contract allows training on your data"],
    suggestedFreshnessDays: 365,
  },
  "A.10.4": {
    asks: "Consider customers' needs and expectations when you provide AI to them, and give them what they need to use it responsibly.",
    typicalEvidence: ["Customer terms and documentation", "Records of customer requirements considered"],
    pitfalls: ["Customer obligations buried in terms nobody reads"],
    suggestedFreshnessDays: 365,
  },
};
