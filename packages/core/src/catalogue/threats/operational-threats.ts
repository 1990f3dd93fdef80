import type { Threat } from "./threat-types.js";

/** Threats that come from how the system is built, supplied, run and relied on, attacker or not. */
export const operationalThreats: readonly Threat[] = [
  {
    id: "sensitive_data_exposure",
    title: "Sensitive data exposure",
    description:
      "Personal or confidential data leaks through answers, logs, prompts sent to a provider or retrieved context, whether remembered from training or handed to the model at run time.",
    annexCRiskSources: ["C.3.4", "C.3.6"],
    owaspLlm: ["LLM02:2025", "LLM07:2025"],
    owaspAgentic: [],
    atlasTactics: ["AML.TA0009", "AML.TA0010", "AML.TA0000"],
    suggestedControls: ["A.2.3", "A.6.2.4", "A.7.2", "A.7.6", "A.10.3"],
    defaultLikelihood: 3,
    defaultImpact: 4,
  },
  {
    id: "unsafe_automation",
    title: "Unsafe automation",
    description:
      "The system takes consequential actions with too little human oversight, so one error or manipulation spreads through the workflow before anyone can stop it.",
    annexCRiskSources: ["C.3.3", "C.3.2"],
    owaspLlm: ["LLM06:2025"],
    owaspAgentic: ["ASI08", "ASI10"],
    atlasTactics: ["AML.TA0011"],
    suggestedControls: ["A.4.6", "A.5.4", "A.6.2.5", "A.9.2", "A.9.3", "A.9.4"],
    defaultLikelihood: 3,
    defaultImpact: 5,
  },
  {
    id: "over_reliance",
    title: "Over-reliance",
    description:
      "People accept fluent but wrong output (invented facts, fabricated sources, confident guesses) without checking it, or stop exercising the judgement the system was meant to support.",
    annexCRiskSources: ["C.3.2", "C.3.3"],
    owaspLlm: ["LLM09:2025"],
    owaspAgentic: ["ASI09"],
    atlasTactics: [],
    suggestedControls: ["A.4.6", "A.6.2.4", "A.8.2", "A.9.3", "A.9.4"],
    defaultLikelihood: 4,
    defaultImpact: 3,
  },
  {
    id: "unfair_outcomes",
    title: "Unfair outcomes",
    description:
      "Results systematically disadvantage some groups of people, through skewed data, proxy variables or design choices, and the harm stays hidden until someone measures it.",
    annexCRiskSources: ["C.3.4", "C.3.2"],
    owaspLlm: [],
    owaspAgentic: [],
    atlasTactics: [],
    suggestedControls: ["A.5.2", "A.5.4", "A.5.5", "A.6.2.4", "A.7.4"],
    defaultLikelihood: 3,
    defaultImpact: 4,
  },
  {
    id: "model_drift",
    title: "Model drift",
    description:
      "The world moves away from the data the model learned from, so accuracy falls quietly and decisions go wrong long before anyone notices.",
    annexCRiskSources: ["C.3.4", "C.3.6"],
    owaspLlm: [],
    owaspAgentic: [],
    atlasTactics: [],
    suggestedControls: ["A.6.2.4", "A.6.2.6", "A.7.4", "A.9.3"],
    defaultLikelihood: 4,
    defaultImpact: 3,
  },
  {
    id: "vendor_model_change",
    title: "Vendor model change",
    description:
      "The provider behind an AI service updates, retrains or retires its model, or changes its data terms, and behaviour shifts in production without the organisation having tested it.",
    annexCRiskSources: ["C.3.6", "C.3.7", "C.3.2"],
    owaspLlm: ["LLM03:2025"],
    owaspAgentic: ["ASI04"],
    atlasTactics: [],
    suggestedControls: ["A.6.2.4", "A.6.2.6", "A.10.2", "A.10.3"],
    defaultLikelihood: 4,
    defaultImpact: 3,
  },
  {
    id: "supply_chain_compromise",
    title: "AI supply chain compromise",
    description:
      "A third-party model file, dataset, library, plugin or connector is tampered with or unsafe (malicious serialized weights, a look-alike package, a compromised tool server) and runs inside the system.",
    annexCRiskSources: ["C.3.6", "C.3.7"],
    owaspLlm: ["LLM03:2025"],
    owaspAgentic: ["ASI04"],
    atlasTactics: ["AML.TA0003", "AML.TA0004", "AML.TA0006"],
    suggestedControls: ["A.4.2", "A.4.4", "A.6.2.4", "A.7.5", "A.10.3"],
    defaultLikelihood: 3,
    defaultImpact: 4,
  },
  {
    id: "shadow_ai",
    title: "Shadow AI",
    description:
      "Staff use AI tools nobody approved, or AI features a supplier switched on by default, and organisational data leaves for places the management system never sees.",
    annexCRiskSources: ["C.3.1", "C.3.6"],
    owaspLlm: ["LLM02:2025"],
    owaspAgentic: [],
    atlasTactics: [],
    suggestedControls: ["A.2.2", "A.3.2", "A.4.2", "A.9.2", "A.10.3"],
    defaultLikelihood: 4,
    defaultImpact: 3,
  },
];
