import type { AssetKind, LicenceFinding, LicencePolicy } from "@openaims/contracts";
import { evaluateLicence } from "@openaims/modelscan";

/** The facts of an asset a licence finding needs. */
export interface LicensedAsset {
  id: string;
  name: string;
  kind: string;
  licence_expression: string | null;
}

/** What the policy says of one asset's licence; an asset without an expression is an unknown licence. */
export function licenceFindingOf(asset: LicensedAsset, policy: LicencePolicy): LicenceFinding {
  const evaluation = evaluateLicence(asset.licence_expression, policy);
  return {
    asset: { id: asset.id, name: asset.name, kind: asset.kind as AssetKind },
    expression: asset.licence_expression,
    verdict: evaluation.verdict,
    reasons: evaluation.reasons,
    terms: evaluation.terms,
  };
}
