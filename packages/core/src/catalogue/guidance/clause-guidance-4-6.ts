import type { ClauseGuidance } from "../catalogue-types.js";

/** Our guidance for clauses 4 to 6: context, leadership and planning. */
export const clauseGuidance4To6: Readonly<Record<string, ClauseGuidance>> = {
  "4": {
    asks: "Know why the organisation uses or builds AI, who cares about it, and where the management system starts and stops.",
    typicalEvidence: ["Context and interested-party registers", "Approved AIMS scope", "Map of AIMS processes"],
    pitfalls: ["Treating context as a one-off workshop", "A scope nobody can relate to real systems"],
  },
  "4.1": {
    asks: "Identify the internal and external issues that shape your AI work (strategy, law, market, culture, technology) and the role you play for each AI system: provider, deployer or user.",
    typicalEvidence: ["Register of context issues with date and owner", "Role per AI system recorded in the inventory"],
    pitfalls: [
      "Listing generic issues with no link to risks or objectives",
      "Forgetting legal duties that follow from your role (e.g. as a provider)",
      "Never revisiting the list after a major change",
    ],
  },
  "4.2": {
    asks: "Name the people and bodies affected by or interested in your AI (customers, staff, regulators, affected individuals), what they expect, and which of those expectations you commit to meet.",
    typicalEvidence: [
      "Interested-party register with needs and how each is addressed",
      "Applicable legal and contractual requirements",
    ],
    pitfalls: [
      "Leaving out people affected by AI decisions who are not customers",
      "No decision on which needs become requirements",
    ],
  },
  "4.3": {
    expectedDocumentKind: "aims_scope",
    asks: "Decide and write down what the AI management system covers: which systems, activities, sites and roles, and what is left out and why.",
    typicalEvidence: ["Approved scope statement", "List of in-scope AI systems", "Exclusions with reasons"],
    pitfalls: [
      "A scope that silently drops awkward systems",
      "Excluding something that still affects in-scope AI",
      "Scope not updated when systems are added",
    ],
  },
  "4.4": {
    asks: "Run the AI management system as a set of connected processes that you set up, keep going and improve.",
    typicalEvidence: [
      "Process map or handbook linking the clauses to who does what",
      "Records showing the processes actually ran",
    ],
    pitfalls: [
      "A manual describing processes nobody follows",
      "Processes that do not feed each other (risk results never reach objectives)",
    ],
  },
  "5": {
    asks: "Top management owns the AI management system: sets the policy, gives people roles and resources, and stays involved.",
    typicalEvidence: ["Approved AI policy", "Role assignments", "Management review minutes"],
    pitfalls: ["Delegating the whole thing to one compliance person"],
  },
  "5.1": {
    asks: "Show that top management drives the system: policy and objectives match strategy, AI work runs through the system's processes, resources are there, and results are reviewed.",
    typicalEvidence: [
      "Management review minutes with decisions",
      "Budget or staffing decisions for the AIMS",
      "Communications from leadership on responsible AI",
    ],
    pitfalls: [
      "Leadership signs documents but never takes a decision in the records",
      "Objectives unrelated to business strategy",
    ],
  },
  "5.2": {
    expectedDocumentKind: "ai_policy",
    asks: "Have an AI policy approved by top management that suits the organisation's purpose, frames objectives, commits to meeting requirements and to improving, and is communicated and available.",
    typicalEvidence: [
      "Approved AI policy with version and review date",
      "Proof it was communicated (intranet, training, acknowledgements)",
    ],
    pitfalls: [
      "A policy copied from a template that names no real uses",
      "No commitment to continual improvement",
      "Staff cannot find or have never read it",
    ],
  },
  "5.3": {
    asks: "Assign and communicate who is responsible and who has the authority for the AI management system, its reporting to management, and each AI system.",
    typicalEvidence: ["Role assignments per process and per AI system", "Named AIMS owner reporting to top management"],
    pitfalls: ["Roles defined by title but not by person", "Nobody accountable for a system after its project ends"],
  },
  "6": {
    asks: "Plan how risks and opportunities are handled, which AI objectives are set, and how changes to the system are made in a controlled way.",
    typicalEvidence: ["Risk method", "Risk register and treatment plans", "Objectives with plans"],
    pitfalls: ["Planning done once for certification and never again"],
  },
  "6.1": {
    asks: "Work out what could stop the AI management system achieving its outcomes, or help it, and plan actions for both, including AI risk assessment, treatment and impact assessment.",
    typicalEvidence: ["Documented risk method", "Risk register", "Impact assessments"],
    pitfalls: ["Looking only at threats and never at opportunities"],
  },
  "6.1.1": {
    expectedDocumentKind: "risk_method",
    asks: "Set up the basis for AI risk work: consider context and interested parties, define risk criteria that tell acceptable from unacceptable risk, and decide how risk actions are integrated and checked.",
    typicalEvidence: [
      "Approved risk method with scales, matrix and acceptance criteria",
      "Who may accept which level of risk",
    ],
    pitfalls: [
      "Criteria so vague two assessors rate the same risk differently",
      "No link between AI objectives and risk criteria",
    ],
  },
  "6.1.2": {
    expectedDocumentKind: "risk_method",
    asks: "Run an AI risk assessment process that finds, analyses and evaluates risks consistently, so repeated assessments give comparable results.",
    typicalEvidence: [
      "Risk assessment procedure",
      "Risk register with likelihood, impact and owner",
      "Dated assessments per system",
    ],
    pitfalls: [
      "Only security risks, ignoring fairness, safety or misuse",
      "Risks with no owner",
      "Ratings that change with the assessor, not with the facts",
    ],
  },
  "6.1.3": {
    expectedDocumentKind: "risk_method",
    asks: "Choose treatment for each assessed risk, pick the controls needed (checking them against Annex A so nothing necessary is missed), produce a Statement of Applicability, and get risk owners to approve the plan and residual risk.",
    typicalEvidence: [
      "Risk treatment plan with actions, owners, dates",
      "Statement of Applicability with justifications",
      "Sign-off of residual risk",
    ],
    pitfalls: [
      "Excluding Annex A controls without a reason",
      "Treatment actions with no due date",
      "Residual risk accepted by someone without the authority",
    ],
  },
  "6.1.4": {
    expectedDocumentKind: "procedure",
    asks: "Have a process to assess what an AI system can do to individuals, groups and society over its life, and use the result in risk assessment.",
    typicalEvidence: ["Impact assessment procedure", "Completed, approved impact assessments per system"],
    pitfalls: [
      "Assessing once at design time and never after changes",
      "Only considering the organisation's own harm, not affected people",
    ],
  },
  "6.2": {
    expectedDocumentKind: "objectives",
    asks: "Set measurable AI objectives consistent with the policy, and plan what will be done, by whom, with what, by when, and how results are judged.",
    typicalEvidence: ["Objectives with targets, owners and deadlines", "Progress measurements over time"],
    pitfalls: ["Objectives that cannot be measured", "Targets set and never tracked"],
  },
  "6.3": {
    asks: "When the management system itself needs to change, plan the change so it happens in a controlled way.",
    typicalEvidence: ["Change records for the AIMS with reason, impact and approval"],
    pitfalls: ["Changing processes or roles informally", "Confusing this with AI system change control only"],
  },
};
