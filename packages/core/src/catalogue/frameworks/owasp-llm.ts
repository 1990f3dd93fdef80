import type { FrameworkItem } from "./framework-item.js";

/** OWASP Top 10 for LLM Applications, 2025 edition (CC BY-SA 4.0): ids and titles. */
export const owaspLlmTop10: readonly FrameworkItem[] = [
  { id: "LLM01:2025", title: "Prompt Injection" },
  { id: "LLM02:2025", title: "Sensitive Information Disclosure" },
  { id: "LLM03:2025", title: "Supply Chain" },
  { id: "LLM04:2025", title: "Data and Model Poisoning" },
  { id: "LLM05:2025", title: "Improper Output Handling" },
  { id: "LLM06:2025", title: "Excessive Agency" },
  { id: "LLM07:2025", title: "System Prompt Leakage" },
  { id: "LLM08:2025", title: "Vector and Embedding Weaknesses" },
  { id: "LLM09:2025", title: "Misinformation" },
  { id: "LLM10:2025", title: "Unbounded Consumption" },
];
