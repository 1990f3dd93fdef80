/** Level of an entry in the NIST AI RMF core. */
export type NistAiRmfLevel = "function" | "category" | "subcategory";

/** An entry of the NIST AI RMF 1.0 core. Titles are short paraphrases; NIST AI 100-1 holds the outcome statements. */
export interface NistAiRmfEntry {
  /** "GOVERN", "GOVERN 1" or "GOVERN 1.1". */
  id: string;
  title: string;
  level: NistAiRmfLevel;
  parentId: string | null;
}

const rows: readonly (readonly [id: string, title: string])[] = [
  ["GOVERN", "Govern: cultivate a culture of AI risk management"],
  ["GOVERN 1", "Policies, processes and practices for AI risk are in place and effective"],
  ["GOVERN 1.1", "Legal and regulatory requirements understood, managed, documented"],
  ["GOVERN 1.2", "Trustworthy AI characteristics built into policies and practices"],
  ["GOVERN 1.3", "Level of risk management activity set by risk tolerance"],
  ["GOVERN 1.4", "Transparent risk management process and outcomes"],
  ["GOVERN 1.5", "Ongoing monitoring and periodic review of risk process"],
  ["GOVERN 1.6", "Mechanisms to inventory AI systems"],
  ["GOVERN 1.7", "Safe decommissioning and phase-out of AI systems"],
  ["GOVERN 2", "Accountability structures for AI risk"],
  ["GOVERN 2.1", "Roles, responsibilities and communication lines documented"],
  ["GOVERN 2.2", "AI risk management training for personnel and partners"],
  ["GOVERN 2.3", "Executive leadership accountable for AI risk decisions"],
  ["GOVERN 3", "Workforce diversity, equity, inclusion and accessibility"],
  ["GOVERN 3.1", "Diverse teams inform AI risk decisions"],
  ["GOVERN 3.2", "Roles for human-AI configurations and oversight defined"],
  ["GOVERN 4", "Culture that considers and communicates AI risk"],
  ["GOVERN 4.1", "Critical-thinking and safety-first mindset"],
  ["GOVERN 4.2", "Teams document and communicate risks and impacts"],
  ["GOVERN 4.3", "Practices for testing, incident identification, information sharing"],
  ["GOVERN 5", "Engagement with relevant AI actors"],
  ["GOVERN 5.1", "Collect and integrate external feedback on impacts"],
  ["GOVERN 5.2", "Feed adjudicated feedback into system design"],
  ["GOVERN 6", "Third-party and supply-chain AI risk policies"],
  ["GOVERN 6.1", "Third-party AI risk policies, including IP infringement"],
  ["GOVERN 6.2", "Contingency for failures in high-risk third-party data or AI"],
  ["MAP", "Map: establish context and identify AI risks"],
  ["MAP 1", "Context established and understood"],
  ["MAP 1.1", "Intended purposes, uses, settings and applicable laws documented"],
  ["MAP 1.2", "Interdisciplinary, diverse actors establish context"],
  ["MAP 1.3", "Mission and AI goals understood and documented"],
  ["MAP 1.4", "Business value or context of use defined"],
  ["MAP 1.5", "Organizational risk tolerances determined and documented"],
  ["MAP 1.6", "System requirements elicited; socio-technical design choices"],
  ["MAP 2", "AI system categorized"],
  ["MAP 2.1", "Tasks and methods the system supports defined"],
  ["MAP 2.2", "Knowledge limits and human oversight of outputs documented"],
  ["MAP 2.3", "Scientific integrity and TEVV considerations documented"],
  ["MAP 3", "Capabilities, targeted use, benefits and costs understood"],
  ["MAP 3.1", "Potential benefits examined and documented"],
  ["MAP 3.2", "Potential costs, including non-monetary, examined"],
  ["MAP 3.3", "Targeted application scope specified"],
  ["MAP 3.4", "Operator and practitioner proficiency processes"],
  ["MAP 3.5", "Human oversight processes defined and assessed"],
  ["MAP 4", "Risks and benefits mapped for all components, incl. third-party"],
  ["MAP 4.1", "Technology and legal risks of components mapped"],
  ["MAP 4.2", "Internal risk controls for components documented"],
  ["MAP 5", "Impacts on individuals, groups, organizations and society characterized"],
  ["MAP 5.1", "Likelihood and magnitude of impacts documented"],
  ["MAP 5.2", "Regular engagement and feedback on impacts"],
  ["MEASURE", "Measure: assess, analyse and track AI risks"],
  ["MEASURE 1", "Appropriate methods and metrics identified and applied"],
  ["MEASURE 1.1", "Metrics selected for the most significant risks"],
  ["MEASURE 1.2", "Metrics and control effectiveness regularly reassessed"],
  ["MEASURE 1.3", "Independent assessors and external experts involved"],
  ["MEASURE 2", "AI systems evaluated for trustworthy characteristics"],
  ["MEASURE 2.1", "TEVV test sets, metrics and tools documented"],
  ["MEASURE 2.2", "Human-subject evaluations meet requirements"],
  ["MEASURE 2.3", "Performance measured in deployment-like conditions"],
  ["MEASURE 2.4", "Production behaviour monitored"],
  ["MEASURE 2.5", "Validity and reliability demonstrated"],
  ["MEASURE 2.6", "Safety risks evaluated; system fails safely"],
  ["MEASURE 2.7", "Security and resilience evaluated"],
  ["MEASURE 2.8", "Transparency and accountability risks examined"],
  ["MEASURE 2.9", "Model explained; outputs interpreted in context"],
  ["MEASURE 2.10", "Privacy risk examined"],
  ["MEASURE 2.11", "Fairness and bias evaluated"],
  ["MEASURE 2.12", "Environmental impact and sustainability assessed"],
  ["MEASURE 2.13", "Effectiveness of TEVV metrics evaluated"],
  ["MEASURE 3", "Identified risks tracked over time"],
  ["MEASURE 3.1", "Existing, unanticipated and emergent risks tracked"],
  ["MEASURE 3.2", "Tracking approaches where risks are hard to assess"],
  ["MEASURE 3.3", "End-user feedback and appeal processes"],
  ["MEASURE 4", "Feedback on measurement efficacy gathered and assessed"],
  ["MEASURE 4.1", "Measurement tied to deployment context"],
  ["MEASURE 4.2", "Trustworthiness results checked with domain experts and AI actors"],
  ["MEASURE 4.3", "Performance changes identified from stakeholder consultation"],
  ["MANAGE", "Manage: prioritize and act on AI risks"],
  ["MANAGE 1", "Risks prioritized, responded to and managed"],
  ["MANAGE 1.1", "Decide whether development or deployment should proceed"],
  ["MANAGE 1.2", "Risk treatment prioritized by impact and likelihood"],
  ["MANAGE 1.3", "Responses to high-priority risks planned and documented"],
  ["MANAGE 1.4", "Residual (unmitigated) risks documented"],
  ["MANAGE 2", "Strategies to maximize benefits and minimize harms"],
  ["MANAGE 2.1", "Resources and non-AI alternatives considered"],
  ["MANAGE 2.2", "Value of deployed systems sustained"],
  ["MANAGE 2.3", "Response to previously unknown risks"],
  ["MANAGE 2.4", "Supersede, disengage or deactivate misbehaving systems"],
  ["MANAGE 3", "Third-party AI risks and benefits managed"],
  ["MANAGE 3.1", "Third-party risks monitored and controlled"],
  ["MANAGE 3.2", "Pre-trained models monitored"],
  ["MANAGE 4", "Risk treatments, response, recovery and communication monitored"],
  ["MANAGE 4.1", "Post-deployment monitoring plans implemented"],
  ["MANAGE 4.2", "Continual improvement built into updates"],
  ["MANAGE 4.3", "Incidents and errors communicated and tracked"],
];

/** The level and parent follow from the id: "MAP" is a function, "MAP 2" a category, "MAP 2.3" a subcategory. */
function placeOf(id: string): Pick<NistAiRmfEntry, "level" | "parentId"> {
  const [fn, number] = id.split(" ");
  if (!fn || number === undefined) return { level: "function", parentId: null };
  const [category, sub] = number.split(".");
  if (sub === undefined) return { level: "category", parentId: fn };
  return { level: "subcategory", parentId: `${fn} ${category}` };
}

/** NIST AI RMF 1.0: 4 functions, 19 categories, 72 subcategories, parents before children. */
export const nistAiRmf: readonly NistAiRmfEntry[] = rows.map(([id, title]) => ({ id, title, ...placeOf(id) }));
