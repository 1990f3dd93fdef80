import type { RiskRating } from "@openaims/contracts";
import type { RiskMethodData } from "./risk-types";

/**
 * The rating the method's matrix shows for a pair of levels, for previews while editing; the server
 * computes the stored rating with the same matrix.
 */
export function rateFromMethod(
  method: Pick<RiskMethodData, "matrix">,
  likelihood: number | null,
  impact: number | null,
): RiskRating | null {
  if (likelihood === null || impact === null) return null;
  return method.matrix[likelihood - 1]?.[impact - 1] ?? null;
}
