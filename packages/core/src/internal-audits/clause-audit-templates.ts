import type { RequirementAuditTemplate } from "./checklist-template-types.js";

/** Audit procedure and pass criterion for every requirement of clauses 4–10 (each leaf sub-clause). */
export const clauseAuditTemplates: Readonly<Record<string, RequirementAuditTemplate>> = {
  "4.1": {
    procedure:
      "Open the context issues in the AIMS scope record and check each internal and external issue has a date and is tied to a risk or objective where it matters. Interview the AIMS owner on how the issues were found and when the list was last revisited. Sample three AI systems in the inventory and confirm the recorded role (provider, deployer or user) matches contracts and actual use.",
    passCriterion:
      "Internal and external issues are recorded and were reviewed within the last year or after the last major change, and every sampled system's role is recorded correctly.",
  },
  "4.2": {
    procedure:
      "Read the interested-party list in the AIMS scope record with each party's needs and whether the organisation committed to meet them. Interview a system owner about who is affected by the system's outputs and check that affected people who are not customers appear. Sample two needs marked as committed and trace each to a requirement, control or objective.",
    passCriterion:
      "Relevant interested parties, including people affected by AI outputs, are listed with their needs, and each sampled committed need can be traced to a requirement, control or objective.",
  },
  "4.3": {
    procedure:
      "Check the approved AIMS scope version in Documents: its boundaries, the AI systems in scope and each exclusion with its reason. Compare the in-scope list with the live inventory and pick the systems added since the scope was approved. Ask the scope owner how a new system is considered for inclusion.",
    passCriterion:
      "An approved scope exists, every active AI system is in scope or excluded with a justified reason, and no exclusion removes something that affects systems in scope.",
  },
  "4.4": {
    procedure:
      "Ask the AIMS owner to walk through how the processes connect: risk assessment feeding treatment and the Statement of Applicability, monitoring feeding incidents and nonconformities, results feeding management review. Follow one chain end to end in OpenAIMS (a risk, its control, the control's evidence and the review that considered it). Check the readiness page for processes that left no records in the audit period.",
    passCriterion:
      "The AIMS processes are defined and demonstrably running: the sampled chain is complete and no required process went without records in the audit period.",
  },
  "5.1": {
    procedure:
      "Read the minutes and decisions of the latest management review and check that top management decided on resources, objectives and risk acceptance. Interview a member of top management on how the AI objectives follow from business strategy and what they last changed in the AIMS. Sample one decision on resources and check it was carried out.",
    passCriterion:
      "Records show top management directing the AIMS: review decisions have owners, and the sampled decision was followed through.",
  },
  "5.2": {
    procedure:
      "Open the AI policy in Documents and check that top management approved it, it is within its review date, and it commits to meeting applicable requirements and to continual improvement. Check it gives a frame for setting AI objectives. Ask two people outside the governance team where to find the policy and what it asks of them, and look at the acknowledgement records.",
    passCriterion:
      "An approved, in-date AI policy contains both commitments and a frame for objectives, and the people asked know it and can find it.",
  },
  "5.3": {
    procedure:
      "Open the responsibility assignments (RACI) and the owner fields on AI systems, controls and risks, and check every AIMS process and system in scope has an accountable person who is still a member. Interview two named owners to confirm they know and accept their responsibility and their authority to act. Check who reports on AIMS performance to top management and where that reporting is recorded.",
    passCriterion:
      "Each AIMS process and AI system in scope has a current accountable owner, interviewed owners confirm what is recorded, and reporting to top management is assigned.",
  },
  "6.1.1": {
    procedure:
      "Check that planning drew on the context issues, interested-party needs and the scope, and produced actions for risks and opportunities. Read the risk method for its criteria separating acceptable from unacceptable risk and for how risk assessment and impact assessment differ. Sample two planned actions for a risk or opportunity and check each has an owner, a plan and a way to judge whether it worked.",
    passCriterion:
      "Risk criteria are documented in the risk method, and planned actions for risks and opportunities have owners and a way to evaluate their effectiveness.",
  },
  "6.1.2": {
    procedure:
      "Review the risk method (likelihood and impact scales, matrix) and the risk register. Sample five risks across different AI systems and check each names its source or threat, has an owner, is rated on the organisation's own scales and was reviewed by its review date. Ask the owner of one sampled risk how the rating was reached, and judge whether someone else would reach the same one.",
    passCriterion:
      "Risks are assessed with the documented method; every sampled risk is identified, rated, owned and reviewed on time, and its rating can be reproduced.",
  },
  "6.1.3": {
    procedure:
      "For each sampled risk above the acceptance level, check the treatment option, the treatment actions with owners and due dates, the linked controls and the residual rating. Compare the approved Statement of Applicability with the controls linked to risks and check that each excluded control has a justification. Confirm that residual risk above appetite carries an acceptance signed by someone the risk method allows to accept it.",
    passCriterion:
      "Every sampled risk above appetite has a treatment with linked controls and owners, the SoA is approved and consistent with the treatments, and remaining risk is accepted by an authorised person.",
  },
  "6.1.4": {
    procedure:
      "List the AI systems whose impact tier calls for an impact assessment and check each has an approved assessment in OpenAIMS that is not stale. Sample two assessments and check they consider consequences for individuals, groups and society and that their results reached the risk register. Ask the author of one who was consulted.",
    passCriterion:
      "Every system that needs an impact assessment has an approved, current one, and the sampled assessments cover individuals, groups and society and are reflected in the risks.",
  },
  "6.2": {
    procedure:
      "Open the AI objectives and check each is measurable, consistent with the AI policy and has an owner, a target, a due date and a plan stating what will be done, with what resources and by when. Sample two objectives and trace their progress entries to measurements or monitored metrics. Ask an objective owner how progress is reported and what happens when it falls behind.",
    passCriterion:
      "Objectives are measurable, owned and planned, progress is recorded from real measurements, and objectives that fall behind get a response.",
  },
  "6.3": {
    procedure:
      "Review the change log for the audit period and sample three changes, at least one marked material. Check each was recorded no later than it took effect, that a material change sent the system's risks and impact assessment back for review, and that someone other than the requester decided on it. Ask a requester how they judge whether a change is material.",
    passCriterion:
      "Changes are planned and recorded, and every sampled material change triggered the re-assessments it called for.",
  },
  "7.1": {
    procedure:
      "Ask the AIMS owner what people, budget, tools and infrastructure the AIMS and the AI systems need, and where that is written down. Compare the responsibility assignments with current staffing for owners who have left or processes nobody holds. Sample one resource shortfall raised in the period, for example in a management review, and see how it was handled.",
    passCriterion:
      "Needed resources are determined and provided: no AIMS process is left without a person, and resource shortfalls raised in the period were decided on.",
  },
  "7.2": {
    procedure:
      "Check that required competences and training are defined per role and per AIMS responsibility, and compare them with the training records. Sample four people with AIMS duties (a system owner, a risk owner, an internal auditor and a developer) and check evidence of competence: training completed and not expired, or a qualification record. Note the gaps the competence coverage shows and what is planned about them.",
    passCriterion:
      "Competence needs are defined, each sampled person holds current evidence of the competence their duties need, and gaps have planned actions.",
  },
  "7.3": {
    procedure:
      "Check who has acknowledged the current approved AI policy version and what share of members that is. Interview three people from different teams on the policy, how their work contributes to the AIMS and what follows if they do not keep to it. Verify that the last newly approved policy version asked everyone to acknowledge it again.",
    passCriterion:
      "People asked can explain the policy, their contribution and the consequences of not conforming, and acknowledgement of the current version is tracked and largely complete.",
  },
  "7.4": {
    procedure:
      "Ask the AIMS owner what is communicated about the AIMS internally and externally, when, to whom and by whom, and where that plan is written. Sample two communications from the period, such as an entry in an incident's communications log or a policy announcement, and check they followed the plan.",
    passCriterion:
      "A communication plan states what, when, with whom and by whom, and the sampled communications followed it.",
  },
  "7.5.1": {
    procedure:
      "List the documented information the standard and the organisation require (scope, AI policy, risk method, Statement of Applicability, objectives, procedures and records) and check each exists in Documents or as a record in OpenAIMS. Check the readiness page for clauses whose expected document is missing. Ask owners which further documents they decided the AIMS needs to work.",
    passCriterion:
      "All documented information required by the standard and by the organisation's own decisions exists and can be found.",
  },
  "7.5.2": {
    procedure:
      "Sample three controlled documents and check each carries a reference, title, version, author and date, and that every released version was reviewed and approved before release. Compare two versions of one document with the version comparison to confirm the changes were reviewed.",
    passCriterion:
      "Sampled documents are identified and versioned, and each released version was reviewed and approved by someone entitled to do so.",
  },
  "7.5.3": {
    procedure:
      "Check that documents are available to the people who need them and protected from unauthorised change through roles and the audit trail. Verify the audit trail chain on the audit trail page and sample a superseded document version to confirm it is kept and marked superseded. Ask how external documents such as vendor terms or regulations are identified and kept current.",
    passCriterion:
      "Documents are available where needed and protected from unauthorised change, obsolete versions are kept and marked, external documents are controlled, and the audit trail verifies.",
  },
  "8.1": {
    procedure:
      "Review how the operation of AI systems is controlled: release gate checklists, sign-offs and gate decisions. Sample two systems that moved to a later life-cycle stage in the period and check each passed its gate or has an approved override with a reason. Ask how externally provided processes, such as outsourced development or vendor models, are controlled.",
    passCriterion:
      "Operational criteria are defined and applied: every sampled stage change went through a gate decision, and externally provided processes are controlled.",
  },
  "8.2": {
    procedure:
      "Check that risk assessments are repeated at the planned intervals and after significant changes by comparing the risks' review dates and re-review requests with the change log. Sample two systems with a material change in the period and check their risks were reviewed after the change. Confirm the results are kept as records.",
    passCriterion:
      "Risk assessments are repeated at planned intervals and after material changes, and no sampled risk has an unanswered re-review request past its due time.",
  },
  "8.3": {
    procedure:
      "Check the risk treatment plan is being carried out: list overdue treatment actions and see whether each has a reason and a new date. Sample three treatment actions marked done and look for evidence that the control is really in place. Check that a treatment found not to work led to a new option.",
    passCriterion:
      "Treatment actions are carried out as planned, overdue ones are managed, and completed actions are backed by evidence.",
  },
  "8.4": {
    procedure:
      "Check that impact assessments are redone at the planned intervals and when a material change makes them stale. Sample a system with a material change and confirm its impact assessment was revised and approved afterwards. Confirm earlier revisions are retained.",
    passCriterion:
      "No system in scope runs on a missing or stale impact assessment for longer than the organisation allows, and revisions are retained.",
  },
  "9.1": {
    procedure:
      "Review what is monitored for each AI system and AIMS process: metrics, thresholds, cadence and who looks at the results. Sample two metrics and check observations arrive at their cadence, breaches raised alerts that were acknowledged or resolved, and results were analysed, for example in the management review pack. Ask a metric owner how the method keeps results valid and comparable over time.",
    passCriterion:
      "What is monitored, how, when and by whom is defined; the sampled metrics are current, and their alerts and results were evaluated and acted on.",
  },
  "9.2.1": {
    procedure:
      "Review the internal audits completed in the programme period: scope, criteria, team, checklist results and conclusion. Sample one audit and check its results were reported to the management concerned and that its nonconformities went into corrective action. Check that the audits looked at both the organisation's own requirements and the standard's.",
    passCriterion:
      "Internal audits take place at planned intervals against defined criteria, and their results are reported and acted on.",
  },
  "9.2.2": {
    procedure:
      "Open the audit programme and check it sets frequency, methods, responsibilities, planning requirements and reporting, and that its audits cover the scope in proportion to importance and earlier results. Look at the independence warnings of past audits and how each was handled. Ask the programme owner how earlier audit results changed this programme.",
    passCriterion:
      "A programme with frequency, methods, responsibilities and reporting exists, auditors are chosen for objectivity and impartiality, and earlier results shaped the plan.",
  },
  "9.3.1": {
    procedure:
      "Check that management reviews took place at the planned intervals in the period with top management present. Read the minutes of the latest review and confirm it considered whether the AIMS is still suitable, adequate and effective.",
    passCriterion:
      "Top management reviewed the AIMS at the planned intervals, and the minutes show the review took place.",
  },
  "9.3.2": {
    procedure:
      "Open the latest management review pack and check it covers every required input: status of earlier actions, changes in issues and interested parties' needs, performance information (nonconformities, monitoring, audit results, objectives), and opportunities for improvement. Sample one input and compare its figures with the live records as of the pack's date.",
    passCriterion: "The pack covers every required input, and the sampled figures match the records as of its date.",
  },
  "9.3.3": {
    procedure:
      "Read the decisions and actions recorded for each input of the latest review, including improvements and changes to the AIMS. Sample two review actions and check owner, due date and status, and that actions from the previous review appear in the next pack. Confirm the minutes are kept.",
    passCriterion:
      "Each review input has a recorded decision, review actions have owners and due dates and are followed to completion, and minutes are kept.",
  },
  "10.1": {
    procedure:
      "Review the improvement log for the period: where each entry came from, its owner, status and what was done. Sample two improvements marked done and check what changed because of them. Ask the AIMS owner how the suitability, adequacy and effectiveness of the AIMS improved since the last audit.",
    passCriterion:
      "Opportunities for improvement are logged, decided and acted on, and the sampled completed improvements made a real change.",
  },
  "10.2": {
    procedure:
      "Sample three nonconformities from different sources (an audit, an incident, monitoring). For each, check the immediate correction, the root-cause analysis and its method, corrective actions with owners and due dates, and an effectiveness check recorded by someone other than the person who raised it. Check whether the same problem came back elsewhere.",
    passCriterion:
      "Each sampled nonconformity was corrected, analysed for its root cause, treated with corrective actions and closed only after an effective check, with the records kept.",
  },
};
