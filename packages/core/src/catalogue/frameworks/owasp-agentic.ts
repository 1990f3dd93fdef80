import type { FrameworkItem } from "./framework-item.js";

/** Edition of the OWASP agentic list below (published December 2025 as "Version 2026"). */
export const owaspAgenticEdition = "2026";

/** OWASP Top 10 for Agentic Applications (CC BY-SA 4.0): ids and titles. */
export const owaspAgenticTop10: readonly FrameworkItem[] = [
  { id: "ASI01", title: "Agent Goal Hijack" },
  { id: "ASI02", title: "Tool Misuse & Exploitation" },
  { id: "ASI03", title: "Identity & Privilege Abuse" },
  { id: "ASI04", title: "Agentic Supply Chain Vulnerabilities" },
  { id: "ASI05", title: "Unexpected Code Execution (RCE)" },
  { id: "ASI06", title: "Memory & Context Poisoning" },
  { id: "ASI07", title: "Insecure Inter-Agent Communication" },
  { id: "ASI08", title: "Cascading Failures" },
  { id: "ASI09", title: "Human-Agent Trust Exploitation" },
  { id: "ASI10", title: "Rogue Agents" },
];
