import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];

/** Rules of model cards: the licence a card declares and what the organisation's policy says of it. */
export const licenceRules: readonly Rule[] = [
  {
    id: "licence.declared",
    title: "Model card declares a licence",
    severity: "info",
    cwe: [],
    owaspAgentic: [],
    help: "The model card's front matter names this licence. Record it on the model's asset so the licence policy and the AI bill of materials carry it.",
  },
  {
    id: "licence.forbidden",
    title: "Model licence is forbidden by the licence policy",
    severity: "high",
    cwe: [],
    owaspAgentic: supplyChain,
    help: "The organisation's licence policy forbids this licence or one of its conditions (for example non-commercial or research-only terms). Do not use the model, or obtain it under other terms and record them.",
  },
  {
    id: "licence.needs-review",
    title: "Model licence needs review under the licence policy",
    severity: "medium",
    cwe: [],
    owaspAgentic: supplyChain,
    help: "The licence has conditions the policy sends for review (user-count limits, use restrictions, an acceptable use policy) or is not named by the policy. Have someone check the terms against the intended use and record the decision.",
  },
  {
    id: "licence.unreadable",
    title: "Model card front matter cannot be read",
    severity: "low",
    cwe: ["CWE-20"],
    owaspAgentic: [],
    help: "The model card starts with front matter that is not valid YAML, so its licence is unknown. Fix the card or record the licence by hand.",
  },
];
