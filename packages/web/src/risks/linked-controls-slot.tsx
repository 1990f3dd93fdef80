import { RiskControlsPanel } from "../controls/risk-controls-panel";

/**
 * The controls treating this risk. The panel belongs to the controls module (it owns the
 * control–risk links); the risk page only gives it its place.
 */
export function LinkedControlsSlot({ orgId, riskId }: { orgId: string; riskId: string }) {
  return <RiskControlsPanel orgId={orgId} riskId={riskId} />;
}
