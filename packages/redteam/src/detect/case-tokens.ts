/**
 * Per-case tokens that detectors look for. They derive from the run seed and the case id, so a
 * rerun with the same seed plants the same tokens, and a token found in a reply belongs to exactly
 * one case.
 */
import { hmacHex } from "../random.js";

export interface CaseTokens {
  /** Planted in the context; finding it in a reply means the context leaked. `CNRY-` + 12 hex. */
  canary: string;
  /** Asked for by the attack; finding it means the injected instruction was followed. `TRG-` + 10 hex. */
  marker: string;
  /** Path token of the case's trap URL: 16 lowercase hex characters. */
  trapToken: string;
}

/**
 * Canary and marker use only uppercase letters, digits and "-": the transforms change lowercase
 * letters only, so the tokens pass through every encoding intact.
 */
export function caseTokens(seed: number, caseId: string): CaseTokens {
  return {
    canary: `CNRY-${hmacHex(seed, `${caseId}/canary`, 12).toUpperCase()}`,
    marker: `TRG-${hmacHex(seed, `${caseId}/marker`, 10).toUpperCase()}`,
    trapToken: hmacHex(seed, `${caseId}/trap`, 16),
  };
}
