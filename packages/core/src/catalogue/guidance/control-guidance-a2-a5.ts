import type { ControlGuidance } from "../catalogue-types.js";

/** Our guidance for Annex A areas A.2 to A.5: policy, organisation, resources and impact assessment. */
export const controlGuidanceA2ToA5: Readonly<Record<string, ControlGuidance>> = {
  "A.2.2": {
    asks: "Write down an AI policy for how the organisation develops, provides or uses AI, and have it approved.",
    typicalEvidence: ["Approved AI policy with acceptable and prohibited uses", "Approval record and effective date"],
    pitfalls: ["Policy silent on what staff may not do with AI", "No owner for keeping it current"],
    suggestedFreshnessDays: 365,
  },
  "A.2.3": {
    asks: "Work out where other policies (security, privacy, quality, procurement, HR) touch AI or are affected by it, and align them.",
    typicalEvidence: ["Cross-reference of existing policies to AI topics", "Updated policies where gaps were found"],
    pitfalls: [
      "Privacy and security policies that ignore AI data flows",
      "Contradictions between the AI policy and others",
    ],
    suggestedFreshnessDays: 365,
  },
  "A.2.4": {
    asks: "Review the AI policy at planned intervals, and sooner when something important changes, so it stays fit for purpose.",
    typicalEvidence: ["Review records with date, reviewer and outcome", "Next review date set"],
    pitfalls: ["Review date passed without action", "Reviews that never change anything despite new laws or systems"],
    suggestedFreshnessDays: 365,
  },
  "A.3.2": {
    asks: "Define and assign AI roles and responsibilities across the life cycle, in line with what the organisation needs.",
    typicalEvidence: [
      "Responsibility matrix per process",
      "Named owner per AI system",
      "Acceptance of the role by the person",
    ],
    pitfalls: ["Shared ownership that means nobody owns it", "Roles not updated when people leave"],
    suggestedFreshnessDays: 365,
  },
  "A.3.3": {
    asks: "Give people a way to raise concerns about the organisation's AI, confidentially if they wish, and make sure concerns are handled.",
    typicalEvidence: [
      "Published reporting channel",
      "Log of concerns with handling and outcome",
      "Protection against retaliation stated",
    ],
    pitfalls: ["Channel exists but nobody knows it", "Reports answered by the people they concern"],
    suggestedFreshnessDays: 365,
  },
  "A.4.2": {
    asks: "Identify and document the resources each AI system relies on across its life cycle: data, tools, computing, people.",
    typicalEvidence: ["AI system inventory with linked assets", "Resource list per system kept current"],
    pitfalls: ["Inventory built once and never updated", "Vendor services missing from the list"],
    suggestedFreshnessDays: 180,
  },
  "A.4.3": {
    asks: "Document the data resources used by each AI system: what data, where from, how it is used.",
    typicalEvidence: ["Dataset records with source, category, provenance and owner"],
    pitfalls: ["Test and fine-tuning data not recorded", "Personal data categories not identified"],
    suggestedFreshnessDays: 180,
  },
  "A.4.4": {
    asks: "Document the tools used to build, run and operate AI systems: frameworks, libraries, model registries, agent tools and connectors.",
    typicalEvidence: ["Tool and connector list per system with versions and permissions", "AI bill of materials"],
    pitfalls: ["Connectors with broad permissions nobody reviewed", "Unpinned library versions"],
    suggestedFreshnessDays: 180,
  },
  "A.4.5": {
    asks: "Document the computing and system resources AI systems need, including hosting, capacity and where processing happens.",
    typicalEvidence: ["Hosting and region records", "Capacity and cost limits", "Environment diagrams"],
    pitfalls: ["No limits on usage or spend", "Processing location unknown for vendor services"],
    suggestedFreshnessDays: 180,
  },
  "A.4.6": {
    asks: "Document the people and skills needed to develop, run, oversee and retire AI systems.",
    typicalEvidence: ["Competence needs per role", "Staffing for human oversight", "Training records"],
    pitfalls: ["Human oversight assigned to people without time or skills", "Key knowledge held by one person"],
    suggestedFreshnessDays: 365,
  },
  "A.5.2": {
    asks: "Have a process for assessing the potential consequences of AI systems on people and society, including when to do it and who takes part.",
    typicalEvidence: ["Impact assessment procedure with triggers", "Templates and thresholds"],
    pitfalls: ["No trigger for re-assessment after change", "Process only known to one team"],
    suggestedFreshnessDays: 365,
  },
  "A.5.3": {
    asks: "Record the results of impact assessments and keep them for a defined period.",
    typicalEvidence: ["Approved impact assessment per system with version history", "Retention period"],
    pitfalls: ["Assessments overwritten instead of versioned", "Results not linked to the system they concern"],
    suggestedFreshnessDays: 365,
  },
  "A.5.4": {
    asks: "Assess and document how an AI system may affect individuals or groups: rights, fairness, safety, access to services, privacy.",
    typicalEvidence: ["Impact assessment section on individuals and groups", "Fairness test results where relevant"],
    pitfalls: ["Considering only the average user", "Ignoring people who never use the system but are affected by it"],
    suggestedFreshnessDays: 365,
  },
  "A.5.5": {
    asks: "Assess and document broader effects of AI systems on society: environment, public trust, labour, democratic processes, misinformation.",
    typicalEvidence: [
      "Impact assessment section on societal effects",
      "Energy or resource use estimates where material",
    ],
    pitfalls: ["Dismissing societal impact as irrelevant without reasoning"],
    suggestedFreshnessDays: 365,
  },
};
