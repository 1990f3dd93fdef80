import type { RequirementAuditTemplate } from "./checklist-template-types.js";

/** Audit procedure and pass criterion for every Annex A control. */
export const controlAuditTemplates: Readonly<Record<string, RequirementAuditTemplate>> = {
  "A.2.2": {
    procedure:
      "Check the AI policy document covers the principles for developing or using AI, the organisation's AI objectives or their frame, and how exceptions are requested and approved. Compare the uses it permits with the inventory: sample two AI systems and check each use is one the policy allows. Look for an exception granted in the period and whether it followed the policy's route.",
    passCriterion:
      "A documented AI policy governs AI development and use, and the sampled systems' uses fall within what it allows or under an approved exception.",
  },
  "A.2.3": {
    procedure:
      "List the other policies that touch AI work (information security, privacy, quality, procurement, ethics) and check the AI policy refers to them or says how conflicts are settled. Interview the owner of one of those policies on whether AI topics are handled consistently. Read one related policy for statements that contradict the AI policy.",
    passCriterion:
      "How the AI policy relates to other organisational policies is determined, and no sampled policy contradicts it.",
  },
  "A.2.4": {
    procedure:
      "Look at the AI policy's version history and next review date in Documents: when it was last reviewed, by whom and what prompted each change. Check reviews happen at the planned interval and after significant changes such as new regulation or a new kind of AI use.",
    passCriterion:
      "The AI policy was reviewed within its planned interval and after significant changes, and each review is recorded with its outcome.",
  },
  "A.3.2": {
    procedure:
      "Open the responsibility assignments and check roles for AI are defined across the life cycle: system owner, risk owner, data owner, human oversight and approvals. Sample two AI systems and check each of those roles has a named current member. Interview one role holder about what the role asks of them.",
    passCriterion:
      "AI roles are defined and allocated, and each sampled system has current named holders who know their role.",
  },
  "A.3.3": {
    procedure:
      "Check the concern reporting channel: the anonymous link is active, the public page says how reporters are protected, and triage duties are assigned. Sample concerns received in the period and check they were triaged promptly and that anonymous ones keep no identifying data. Ask two staff members whether they know how to raise a concern.",
    passCriterion:
      "A channel for reporting concerns exists with confidentiality and protection from reprisal, sampled concerns were triaged, and staff know the channel.",
  },
  "A.4.2": {
    procedure:
      "For two sampled AI systems, check the inventory lists the resources each relies on: models, datasets, tools, computing, vendors and people, linked as assets. Interview each system's owner and compare their account with what is recorded.",
    passCriterion:
      "The resources of each sampled AI system are identified and documented in the inventory and match the owner's account.",
  },
  "A.4.3": {
    procedure:
      "Check the dataset assets linked to sampled systems record where the data came from, the categories of data, when they were acquired and what they are used for. Sample two datasets and confirm the record matches the data actually used, asking the data owner where the copy in use lives.",
    passCriterion:
      "Data resources of each sampled system are documented with provenance, data categories and intended use, and match what is used.",
  },
  "A.4.4": {
    procedure:
      "Check that the tools used to build and run sampled systems (frameworks, libraries, evaluation and labelling tools, agent tools and connectors) are documented with versions and licences. Compare the list with an AI-BOM or supply-chain scan where one exists, and ask the developer what is missing from it.",
    passCriterion:
      "The tooling of each sampled system is documented with versions and matches what the system is actually built and run with.",
  },
  "A.4.5": {
    procedure:
      "Check for sampled systems that computing resources (hosting, hardware, cloud services, on-device processing) are documented with capacity and, where relevant, environmental considerations. Ask the operations contact how a change of computing resource is recorded and sample one such change.",
    passCriterion: "System and computing resources of each sampled system are documented and up to date.",
  },
  "A.4.6": {
    procedure:
      "Check that the people and competences each sampled system needs for development, operation, oversight and data work are documented, using the responsibility assignments and training records. Look for tasks that rest on a single person with no cover and ask the system owner how that is handled.",
    passCriterion:
      "The human resources and competences each sampled system needs are documented and staffed, with single points of dependency known and handled.",
  },
  "A.5.2": {
    procedure:
      "Read the documented impact assessment process: what triggers an assessment, who takes part, which scales are used and how results feed decisions. Check the most recent approved assessment in OpenAIMS followed that process, including its trigger and its approval.",
    passCriterion:
      "An impact assessment process is documented, and the sampled assessment was triggered, carried out and approved as it prescribes.",
  },
  "A.5.3": {
    procedure:
      "Sample two AI system impact assessments and check the results are documented, versioned, approved and kept for the period the organisation set. Open a system with more than one revision and confirm the superseded revisions are still retrievable.",
    passCriterion: "Impact assessment results are documented, approved and retained, superseded revisions included.",
  },
  "A.5.4": {
    procedure:
      "In sampled impact assessments, check the effects on individuals and groups: fairness, privacy, safety, access to services and vulnerable groups, each with a mitigation where the effect is significant. Ask the author how the perspective of the people affected was obtained.",
    passCriterion:
      "Sampled assessments identify and rate effects on individuals and groups, with mitigations where the impact is significant.",
  },
  "A.5.5": {
    procedure:
      "In sampled impact assessments, check whether wider effects on society (environment, economy, public information, health, democratic processes) were considered where the system could reach them, and that a reason is given where they were judged not relevant. Compare with the system's reach as recorded in the inventory.",
    passCriterion:
      "Societal impacts are assessed, or judged not relevant with a stated reason, in each sampled assessment.",
  },
  "A.6.1.2": {
    procedure:
      "Check that objectives for responsible development (for example fairness, robustness or transparency targets) are documented and built into development through requirements, design reviews and gate checks. Sample one system under development and trace one such objective to a requirement or a test result.",
    passCriterion:
      "Responsible-development objectives are documented and visibly applied in the sampled system's development records.",
  },
  "A.6.1.3": {
    procedure:
      "Read the documented design and development process: stages, reviews, approvals, testing and release gates. Compare it with the gate checklists configured in OpenAIMS and sample one system's gate decisions to confirm the process was followed.",
    passCriterion:
      "A responsible design and development process is documented, and the sampled system's records show it was followed.",
  },
  "A.6.2.2": {
    procedure:
      "Sample a system and check its requirements are written down: intended purpose, performance and quality targets, constraints, human oversight and legal obligations. Check the requirements were revisited when the system last changed materially, using the change log.",
    passCriterion:
      "Requirements are specified for new systems and significant changes and cover purpose, performance and oversight.",
  },
  "A.6.2.3": {
    procedure:
      "Check the design and development documentation of sampled systems: architecture, choice of model, training approach, assumptions and trade-offs. Confirm it is attached as evidence and was updated with the latest material change.",
    passCriterion: "Design and development decisions of the sampled systems are documented and current.",
  },
  "A.6.2.4": {
    procedure:
      "Check verification and validation of sampled systems: test sets, evaluation metrics, acceptance criteria, security tests (red-team scans in OpenAIMS) and their dates. Check that failed tests and vulnerable findings were fixed, or raised as risks or nonconformities, before release. Ask the tester how acceptance criteria were set.",
    passCriterion:
      "Each sampled system has documented verification and validation with acceptance criteria, recent results meet them, and failures were dealt with before release.",
  },
  "A.6.2.5": {
    procedure:
      "Check the deployment records of sampled systems: the gate decision with its checklist results, sign-offs, any override with its reason and approver, and the signed release attestation. Confirm that the requirements were met before the deployment decision, not after.",
    passCriterion:
      "Each sampled deployment has a passed gate decision, or an approved and justified override, recorded before release.",
  },
  "A.6.2.6": {
    procedure:
      "Check how sampled systems in operation are monitored: metrics with thresholds for performance, drift, errors and misuse, and the handling of alerts. Sample two alerts and follow each to acknowledgement, resolution or an incident. Ask the operator how a repair or change in operation is recorded.",
    passCriterion:
      "Sampled systems in operation are monitored against defined thresholds, and their alerts were handled.",
  },
  "A.6.2.7": {
    procedure:
      "Check the technical documentation of sampled systems that users, operators or regulators need: capabilities, limitations, instructions and maintenance. Confirm it matches the version in operation by comparing it with the latest change.",
    passCriterion:
      "The technical documentation each interested party needs is available and matches the version in operation.",
  },
  "A.6.2.8": {
    procedure:
      "Check that sampled systems keep event logs where it matters (inputs, outputs, decisions, human overrides), that retention is defined, and that the logs can be found for an incident. Ask the operator to retrieve the logs of one sampled day.",
    passCriterion:
      "Event logging is defined and switched on for sampled systems, and the logs of the sampled day were retrieved within the retention period.",
  },
  "A.7.2": {
    procedure:
      "Check the data management process for development data: selection, sourcing, labelling, privacy and security. Sample one dataset used for training or fine-tuning and check it went through that process, interviewing the data owner.",
    passCriterion:
      "Data management processes for AI development are defined, and the sampled dataset was handled under them.",
  },
  "A.7.3": {
    procedure:
      "Check how the data of sampled datasets were acquired: source, right to use, consent or licence, and the selection criteria, as recorded on the dataset asset. Sample one dataset obtained from a vendor and read its terms of use.",
    passCriterion: "Acquisition details, including the right to use the data, are recorded for each sampled dataset.",
  },
  "A.7.4": {
    procedure:
      "Check the data quality requirements (completeness, accuracy, representativeness, bias checks) and the results of quality checks for sampled datasets. Ask how data of poor quality are detected and what happens to them, and look for one example.",
    passCriterion: "Data quality requirements are defined, and the sampled datasets show quality checks against them.",
  },
  "A.7.5": {
    procedure:
      "Check the provenance records of sampled datasets: origin, transformations and versions from source to the data used. Trace one dataset from its source to the model version through the asset links in the inventory.",
    passCriterion: "The provenance of each sampled dataset can be traced from its source to its use.",
  },
  "A.7.6": {
    procedure:
      "Check that preparation methods (cleaning, labelling, augmentation, splitting, anonymisation) and their criteria are documented for sampled datasets. Ask who reviewed the preparation of one dataset and look at that review.",
    passCriterion:
      "Preparation methods and criteria are documented for each sampled dataset, and preparation was reviewed.",
  },
  "A.8.2": {
    procedure:
      "Check the information given to users of sampled systems: that they know they deal with AI, its purpose, its limits, how to use it properly and how to get help or challenge an outcome. Review the published version a user sees today and compare it with the system's recorded limitations.",
    passCriterion:
      "Users of each sampled system have current information on its purpose, limits and proper use, consistent with the recorded limitations.",
  },
  "A.8.3": {
    procedure:
      "Check that interested parties can report adverse effects of AI systems, for example through the public concern link or a support channel. Sample reports received from outside in the period and follow how each was handled.",
    passCriterion: "Interested parties have a way to report adverse effects, and the sampled reports were handled.",
  },
  "A.8.4": {
    procedure:
      "Sample incidents that affected users or other parties and read their communications log: who was told, when, through which channel, and whether legal or contractual notification deadlines were met. Ask the incident owner how the audience was decided.",
    passCriterion:
      "Incident communication follows a defined plan, and the sampled incidents were communicated to the affected parties on time.",
  },
  "A.8.5": {
    procedure:
      "Check what the organisation has committed to report about its AI systems to interested parties such as regulators, customers and auditors. Sample one such obligation and confirm it was met, with the record of what was sent.",
    passCriterion: "Obligations to inform interested parties are identified, and the sampled one was met.",
  },
  "A.9.2": {
    procedure:
      "Check the documented processes for using AI systems responsibly: approval of new uses, acceptable and prohibited use, and human oversight. Sample a use approved in the period and check it went through the process, interviewing the person who approved it.",
    passCriterion: "Processes for responsible use are defined, and the sampled use was approved through them.",
  },
  "A.9.3": {
    procedure:
      "Check that objectives for responsible use (for example override rates, complaint handling times or oversight coverage) are documented and measured. Sample one objective and check its recorded progress against the measurements behind it.",
    passCriterion:
      "Responsible-use objectives are documented and measured, and the sampled one shows real progress data.",
  },
  "A.9.4": {
    procedure:
      "For sampled systems, compare the intended use and limitations recorded in the inventory with how the system is actually used: interview users and look at monitoring data such as override rates. Check how use outside the intended purpose would be noticed and whether it has been.",
    passCriterion:
      "Sampled systems are used within their recorded intended use, and use outside it is detected and handled.",
  },
  "A.10.2": {
    procedure:
      "For sampled AI systems that involve suppliers, partners or customers, check the contract or agreement allocates responsibilities across the life cycle: who monitors, who reports incidents, who retrains or updates. Interview the contract owner for one of them.",
    passCriterion:
      "Responsibilities across the AI life cycle are allocated in writing between the organisation and each sampled third party.",
  },
  "A.10.3": {
    procedure:
      "Open the vendor register and sample two AI vendors: check data retention, training on customer data, AI features on by default, certifications and the date of the last review. Check the supplier evaluation process and that vendors were reviewed by their next review date.",
    passCriterion:
      "AI suppliers are evaluated before use and reviewed on schedule, and the sampled vendors' records are current.",
  },
  "A.10.4": {
    procedure:
      "Check how customers' needs and expectations are taken into account for AI products and services: contracts, documentation, support and feedback. Sample one customer-facing system and check the customer requirements are recorded and met, using complaints or feedback received.",
    passCriterion: "Customer expectations of the sampled customer-facing system are identified and addressed.",
  },
};
