import { attackThreats } from "./attack-threats.js";
import { operationalThreats } from "./operational-threats.js";
import type { Threat } from "./threat-types.js";

/** The AI threat library, attacks first; this order is the order suggestions come in. */
export const threats: readonly Threat[] = [...attackThreats, ...operationalThreats];

const threatById = new Map(threats.map((threat) => [threat.id, threat]));

/** The threat with this id ("tool_misuse"), or undefined. */
export function findThreat(id: string): Threat | undefined {
  return threatById.get(id);
}
