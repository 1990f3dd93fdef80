import type { CertificationStepId } from "@openaims/contracts";
import type { ReadinessFacts } from "./readiness-types.js";

/** One condition of a step; `place` overrides the step's link while this condition is unmet. */
export interface StepCriterion {
  label: string;
  met: boolean;
  place?: StepPlace;
}

/** Where in the web UI a step is done: a path below /o/:orgId and the name of that page. */
export interface StepPlace {
  label: string;
  path: string;
}

export interface StepDefinition {
  id: CertificationStepId;
  title: string;
  /** Clause or Annex A ids, exactly as the catalogue spells them. */
  clauseIds: string[];
  whyItMatters: string;
  doneMeans: string;
  place: StepPlace;
  /** Absent for a step whose module is not built yet. */
  criteria?: (facts: ReadinessFacts) => StepCriterion[];
}

const everySystem = (facts: ReadinessFacts, test: (s: ReadinessFacts["systems"][number]) => boolean) =>
  facts.systems.length > 0 && facts.systems.every(test);

const applicableControls = (facts: ReadinessFacts) => facts.controls.filter((c) => c.applicable === true);

const everyApplicable = (facts: ReadinessFacts, test: (c: ReadinessFacts["controls"][number]) => boolean) =>
  applicableControls(facts).length > 0 && applicableControls(facts).every(test);

const accountable = (facts: ReadinessFacts, process: string, name: string): StepCriterion => ({
  label: `One person is accountable for ${name}`,
  met: facts.accountableProcesses.has(process),
});

/**
 * The steps to certification in the order a management system is best built: each step leans on
 * the ones before it (risks are assessed with the method, controls answer the assessed risks).
 * The wording is ours; clause ids match the catalogue.
 */
export const certificationSteps: readonly StepDefinition[] = [
  {
    id: "scope",
    title: "Scope and context",
    clauseIds: ["4.1", "4.2", "4.3", "4.4"],
    whyItMatters:
      "Everything else is measured against the scope: which organisation, sites, AI systems and interested parties the management system covers, and what in your context shapes it. An auditor starts here.",
    doneMeans: "An approved AIMS scope that names the issues, interested parties and AI systems it covers.",
    place: { label: "AIMS scope", path: "documents/scope" },
    criteria: (facts) => [
      { label: "An AIMS scope is drafted", met: facts.startedDocumentKinds.has("aims_scope") },
      { label: "The AIMS scope is approved", met: facts.approvedDocumentKinds.has("aims_scope") },
    ],
  },
  {
    id: "policy",
    title: "AI policy",
    clauseIds: ["5.2"],
    whyItMatters:
      "Top management's written intent for AI gives every later decision a reference point, and it is the first document an auditor asks to see after the scope.",
    doneMeans: "An AI policy approved by top management and available to the people it concerns.",
    place: { label: "documents", path: "documents" },
    criteria: (facts) => [
      {
        label: "An AI policy is drafted",
        met: facts.startedDocumentKinds.has("ai_policy"),
        place: { label: "new document", path: "documents/new" },
      },
      { label: "The AI policy is approved", met: facts.approvedDocumentKinds.has("ai_policy") },
    ],
  },
  {
    id: "roles",
    title: "Roles and responsibilities",
    clauseIds: ["5.3"],
    whyItMatters:
      "A process without one accountable person drifts. Naming owners before the work starts means every risk, assessment and document has someone who answers for it.",
    doneMeans: "Exactly one accountable person for each core AIMS process.",
    place: { label: "responsibilities", path: "documents/responsibilities" },
    criteria: (facts) => [
      accountable(facts, "aims_leadership", "AIMS leadership"),
      accountable(facts, "risk_management", "risk management"),
      accountable(facts, "impact_assessment", "impact assessment"),
      accountable(facts, "document_control", "document control"),
    ],
  },
  {
    id: "inventory",
    title: "AI system inventory",
    clauseIds: ["4.3", "A.4"],
    whyItMatters:
      "You can only assess and control the AI systems you know about. The inventory turns the scope into a concrete list, each system with an owner.",
    doneMeans: "Every AI system in scope is registered, with an owner and an accountable person.",
    place: { label: "AI systems", path: "inventory/systems" },
    criteria: (facts) => [
      {
        label: "At least one AI system is registered",
        met: facts.systems.length > 0,
        place: { label: "new AI system", path: "inventory/systems/new" },
      },
      { label: "Every AI system has an owner", met: everySystem(facts, (s) => s.hasOwner) },
      {
        label: "Every AI system has an accountable person",
        met: everySystem(facts, (s) => s.hasAccountable),
        place: { label: "responsibilities", path: "documents/responsibilities" },
      },
    ],
  },
  {
    id: "risk-method",
    title: "Risk method and criteria",
    clauseIds: ["6.1.1", "6.1.2"],
    whyItMatters:
      "Two people rating the same risk must reach the same answer. A written method with scales, a matrix and acceptance criteria makes ratings comparable and decisions defensible.",
    doneMeans: "An approved risk method document that matches the scales and acceptance rules set here.",
    place: { label: "risk method", path: "risks/method" },
    criteria: (facts) => [
      {
        label: "A risk method document is drafted",
        met: facts.startedDocumentKinds.has("risk_method"),
        place: { label: "new document", path: "documents/new" },
      },
      {
        label: "The risk method document is approved",
        met: facts.approvedDocumentKinds.has("risk_method"),
        place: { label: "documents", path: "documents" },
      },
    ],
  },
  {
    id: "risk-assessment",
    title: "Risk and impact assessment",
    clauseIds: ["6.1.2", "6.1.4", "8.2", "8.4"],
    whyItMatters:
      "Risks to the organisation and impacts on people are the reasons controls exist. Assess each AI system before choosing controls, or the Statement of Applicability has nothing to stand on.",
    doneMeans: "Every AI system has identified, rated risks and a current approved impact assessment.",
    place: { label: "risk register", path: "risks" },
    criteria: (facts) => [
      { label: "Every AI system has identified risks", met: everySystem(facts, (s) => s.riskCount > 0) },
      { label: "Every risk is rated", met: facts.risks.total > 0 && facts.risks.unrated === 0 },
      {
        label: "Every AI system has a current approved impact assessment",
        met: everySystem(facts, (s) => s.impactAssessment === "approved"),
        place: { label: "impact assessments", path: "impact-assessments" },
      },
    ],
  },
  {
    id: "controls",
    title: "Controls and Statement of Applicability",
    clauseIds: ["6.1.3"],
    whyItMatters:
      "The Statement of Applicability is the bridge between your risks and Annex A: for each control, whether it applies and why. Certification bodies audit against it.",
    doneMeans:
      "Every control is decided and justified, high risks have a treatment, and the SoA is approved with no open issues.",
    place: { label: "Statement of Applicability", path: "controls/soa" },
    criteria: (facts) => [
      {
        label: "Every control is decided and justified",
        met: facts.controls.every((c) => c.applicable !== null && c.hasJustification),
      },
      {
        label: "Every high or critical risk has a treatment",
        met: facts.risks.total > 0 && facts.risks.openHighWithoutTreatment === 0,
        place: { label: "risk register", path: "risks" },
      },
      {
        label: "The SoA is approved and has no open issues",
        met: facts.soa.approvedVersions > 0 && facts.soa.openIssues === 0,
      },
    ],
  },
  {
    id: "operation",
    title: "Operation and evidence",
    clauseIds: ["8.1", "7.5"],
    whyItMatters:
      "A control on paper is a claim; evidence makes it a fact. Running the controls and keeping current records of them is what an auditor samples.",
    doneMeans: "Every applicable control has an owner, is implemented, and has current evidence.",
    place: { label: "controls", path: "controls" },
    criteria: (facts) => [
      { label: "Every applicable control has an owner", met: everyApplicable(facts, (c) => c.hasOwner) },
      { label: "Every applicable control is implemented", met: everyApplicable(facts, (c) => c.implemented) },
      {
        label: "Every applicable control has current evidence",
        met: everyApplicable(facts, (c) => c.evidence === "current"),
        place: { label: "evidence", path: "evidence" },
      },
    ],
  },
  {
    id: "monitoring",
    title: "Security testing and monitoring",
    clauseIds: ["9.1"],
    whyItMatters:
      "Controls weaken as models, prompts and data change. Testing each AI system and keeping the results shows the management system still works, not only that it once did.",
    doneMeans: "Every AI system has a finished security test, and monitoring evidence is linked to 9.1.",
    place: { label: "security tests", path: "security-tests" },
    criteria: (facts) => [
      {
        label: "Every AI system has a finished security test",
        met: facts.systems.length > 0 && facts.securityTests.systemsTested >= facts.systems.length,
      },
      {
        label: "Current monitoring evidence is linked to 9.1",
        met: (facts.clauseEvidence.get("9.1")?.current ?? 0) > 0,
        place: { label: "evidence", path: "evidence" },
      },
    ],
  },
  {
    id: "internal-audit",
    title: "Internal audit",
    clauseIds: ["9.2"],
    whyItMatters:
      "Before an external auditor looks, your own audit checks the system against your plan. OpenAIMS does not have an audit module yet; read the guidance and keep audit records as evidence meanwhile.",
    doneMeans: "An audit programme, and audits run against it with their results recorded.",
    place: { label: "guidance for 9.2", path: "catalogue/clauses/9.2" },
  },
  {
    id: "management-review",
    title: "Management review",
    clauseIds: ["9.3"],
    whyItMatters:
      "Top management looks at results and decides what changes. OpenAIMS does not have a review module yet; record the review's minutes as evidence meanwhile.",
    doneMeans: "A management review held, with its inputs and decisions recorded.",
    place: { label: "guidance for 9.3", path: "catalogue/clauses/9.3" },
  },
  {
    id: "improvement",
    title: "Improvement",
    clauseIds: ["10.1", "10.2"],
    whyItMatters:
      "Problems found by tests, audits and reviews must lead to corrections that stick. Nonconformities from security tests are already recorded; a full improvement module is coming.",
    doneMeans: "Each nonconformity has a cause, a correction and a check that it worked.",
    place: { label: "guidance for 10", path: "catalogue/clauses/10" },
  },
];
