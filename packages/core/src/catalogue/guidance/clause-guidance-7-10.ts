import type { ClauseGuidance } from "../catalogue-types.js";

/** Our guidance for clauses 7 to 10: support, operation, performance evaluation and improvement. */
export const clauseGuidance7To10: Readonly<Record<string, ClauseGuidance>> = {
  "7": {
    asks: "Give the management system what it needs to work: resources, competent and aware people, communication, and controlled documents.",
    typicalEvidence: ["Resource plans", "Training records", "Document register"],
    pitfalls: ["Assuming support will appear without being planned"],
  },
  "7.1": {
    asks: "Decide and provide the people, budget, tools and time the AI management system needs.",
    typicalEvidence: ["Resource decisions in management review", "Named staff and budget for AIMS activities"],
    pitfalls: ["Governance work added to full workloads with no time set aside"],
  },
  "7.2": {
    asks: "Decide what competence each AI-related role needs, make sure people have it through education, training or experience, close gaps, and keep proof.",
    typicalEvidence: [
      "Competence requirements per role",
      "Training and qualification records",
      "Actions taken to close gaps",
    ],
    pitfalls: [
      "Training records without any defined requirement",
      "Ignoring contractors and vendor staff who work on your systems",
    ],
  },
  "7.3": {
    asks: "Make sure people working for you know the AI policy, how they contribute, and what happens if they do not follow the system.",
    typicalEvidence: [
      "Awareness sessions and attendance",
      "Policy acknowledgements",
      "Intranet or onboarding material",
    ],
    pitfalls: ["One-time onboarding slide with no refresh", "Awareness limited to the AI team"],
  },
  "7.4": {
    asks: "Decide what to communicate about the AI management system, inside and outside: what, when, to whom, how and by whom.",
    typicalEvidence: ["Communication plan", "Records of key communications (policy updates, incident notices)"],
    pitfalls: ["No owner for external communication about AI", "Forgetting affected users and customers"],
  },
  "7.5": {
    asks: "Keep the documented information the system needs and that you decide is necessary, and keep it under control.",
    typicalEvidence: ["Document register with owners, versions and status"],
    pitfalls: ["Documents scattered across drives with no current version"],
  },
  "7.5.1": {
    asks: "Know which documents and records the AI management system must keep, including those you judge necessary for it to work.",
    typicalEvidence: ["List of required documents and records mapped to clauses and controls"],
    pitfalls: [
      "Writing documents for the auditor rather than for people who use them",
      "Too many documents nobody maintains",
    ],
  },
  "7.5.2": {
    asks: "When creating or updating documents, identify them properly (title, date, author, version), use a suitable format, and review and approve them.",
    typicalEvidence: ["Version history with reviewer and approver", "Consistent document identifiers"],
    pitfalls: ["Documents without an approval trail", "Editing approved documents in place"],
  },
  "7.5.3": {
    asks: "Control documents so the right version is available where needed, protected against loss or misuse, distributed, stored, changed under control and retained or disposed of deliberately.",
    typicalEvidence: ["Access rights on the document store", "Retention rules", "Superseded versions kept and marked"],
    pitfalls: ["Obsolete versions still in use", "External documents (supplier terms, regulations) not tracked"],
  },
  "8": {
    asks: "Carry out the planned work: run the processes, and perform risk assessment, risk treatment and impact assessment in practice.",
    typicalEvidence: ["Operational records", "Dated risk and impact assessments"],
    pitfalls: ["Plans on paper with no operational records"],
  },
  "8.1": {
    asks: "Plan, run and control the processes needed to meet requirements and carry out the actions from planning, including control of changes and of outsourced processes.",
    typicalEvidence: [
      "Procedures and criteria per process",
      "Change records",
      "Supplier controls for outsourced AI work",
    ],
    pitfalls: [
      "Outsourced model development left outside any control",
      "Unplanned changes with no review of consequences",
    ],
  },
  "8.2": {
    asks: "Perform AI risk assessments at planned intervals and when significant changes happen or are proposed, and keep the results.",
    typicalEvidence: ["Risk assessments with dates and triggers", "Re-assessment after changes"],
    pitfalls: ["Risks not revisited when a model or vendor changes", "Results held in slides instead of the register"],
  },
  "8.3": {
    asks: "Carry out the risk treatment plan, check whether treatments worked, and keep the results.",
    typicalEvidence: ["Completed treatment actions with evidence", "Effectiveness checks", "Updated residual ratings"],
    pitfalls: ["Actions closed without proof", "Never checking whether a control actually reduced the risk"],
  },
  "8.4": {
    asks: "Perform AI system impact assessments at planned intervals and when significant changes happen or are proposed, and keep the results.",
    typicalEvidence: ["Impact assessments per system with version and approval", "Re-assessment records after changes"],
    pitfalls: [
      "Impact assessment skipped for 'internal' tools that affect staff",
      "Results not fed back into risk treatment",
    ],
  },
  "9": {
    asks: "Check how the management system performs: measure, audit internally, and review at management level.",
    typicalEvidence: ["Monitoring results", "Audit reports", "Management review minutes"],
    pitfalls: ["Measuring activity instead of outcomes"],
  },
  "9.1": {
    asks: "Decide what to monitor and measure, how, when, and who analyses the results, then evaluate how the AI management system performs and how effective it is.",
    typicalEvidence: ["Metrics with thresholds and owners", "Dated measurement results and their evaluation"],
    pitfalls: ["Metrics collected but never analysed", "No method, so results cannot be compared over time"],
  },
  "9.2": {
    asks: "Audit the AI management system internally at planned intervals to check it meets your own and the standard's requirements and works in practice.",
    typicalEvidence: ["Audit programme", "Audit reports with findings"],
    pitfalls: ["Auditors auditing their own work"],
  },
  "9.2.1": {
    asks: "Hold internal audits at planned intervals that show whether the system conforms to your requirements and to the standard, and whether it is effectively run and kept up.",
    typicalEvidence: ["Audit plans and reports", "Findings with evidence and criteria"],
    pitfalls: ["Audits that only check documents exist", "Findings without the criterion they breach"],
  },
  "9.2.2": {
    asks: "Plan an audit programme (frequency, methods, responsibilities, reporting) that weighs the importance of processes and earlier results, define criteria and scope per audit, pick objective auditors, and report results to management.",
    typicalEvidence: [
      "Multi-year audit programme",
      "Audit scopes and criteria",
      "Auditor independence",
      "Reports to management",
    ],
    pitfalls: ["Same areas every year while high-risk systems go unaudited", "Results never reaching management"],
  },
  "9.3": {
    asks: "Top management reviews the AI management system at planned intervals to make sure it stays suitable, adequate and effective.",
    typicalEvidence: ["Management review schedule", "Minutes with inputs and decisions"],
    pitfalls: ["Review reduced to a slide deck with no decisions"],
  },
  "9.3.1": {
    asks: "Hold management reviews at planned intervals where top management looks at whether the system still fits, is enough and works.",
    typicalEvidence: ["Planned review dates", "Attendance of top management"],
    pitfalls: ["Reviews postponed indefinitely", "Top management absent"],
  },
  "9.3.2": {
    asks: "Feed the review with the status of earlier actions, changes in context and interested parties' needs, performance and audit results, nonconformities, risk results and improvement opportunities.",
    typicalEvidence: ["Review pack covering each input", "Data pulled from the registers, not from memory"],
    pitfalls: ["Inputs missing (often interested-party feedback or risk status)", "Stale data in the pack"],
  },
  "9.3.3": {
    asks: "Record the review's decisions on improvement opportunities and any changes needed to the management system.",
    typicalEvidence: ["Minutes with decisions, owners and due dates", "Follow-up of decided actions"],
    pitfalls: ["Decisions recorded without owners", "Actions never tracked to the next review"],
  },
  "10": {
    asks: "Keep improving the management system and deal with nonconformities through correction and corrective action.",
    typicalEvidence: ["Improvement log", "Corrective action records"],
    pitfalls: ["Fixing symptoms only"],
  },
  "10.1": {
    asks: "Keep making the AI management system more suitable, adequate and effective over time.",
    typicalEvidence: ["Improvement actions from reviews, audits and incidents", "Trends showing better results"],
    pitfalls: ["Improvement only when an auditor asks"],
  },
  "10.2": {
    asks: "When something does not conform, react and correct it, find the root cause, act so it does not recur, check the action worked, and keep records.",
    typicalEvidence: [
      "Nonconformity records with root cause",
      "Corrective actions with owners",
      "Effectiveness checks",
    ],
    pitfalls: [
      "Root cause written as 'human error'",
      "Closing actions without checking they worked",
      "Not looking for similar problems elsewhere",
    ],
  },
};
