import type { FrameworkItem } from "./framework-item.js";

/** Version of the MITRE ATLAS data the tactic list comes from. */
export const mitreAtlasVersion = "5.6.0";

/** MITRE ATLAS tactics (Apache-2.0), in the matrix order an attack usually follows. */
export const mitreAtlasTactics: readonly FrameworkItem[] = [
  { id: "AML.TA0002", title: "Reconnaissance" },
  { id: "AML.TA0003", title: "Resource Development" },
  { id: "AML.TA0004", title: "Initial Access" },
  { id: "AML.TA0000", title: "AI Model Access" },
  { id: "AML.TA0005", title: "Execution" },
  { id: "AML.TA0006", title: "Persistence" },
  { id: "AML.TA0012", title: "Privilege Escalation" },
  { id: "AML.TA0007", title: "Defense Evasion" },
  { id: "AML.TA0013", title: "Credential Access" },
  { id: "AML.TA0008", title: "Discovery" },
  { id: "AML.TA0015", title: "Lateral Movement" },
  { id: "AML.TA0009", title: "Collection" },
  { id: "AML.TA0001", title: "AI Attack Staging" },
  { id: "AML.TA0014", title: "Command and Control" },
  { id: "AML.TA0010", title: "Exfiltration" },
  { id: "AML.TA0011", title: "Impact" },
];
