import type { controlRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { decideControlsApplicability } from "./bulk-applicability.js";
import { archiveControl, createControl, getControl, listControls } from "./control-handlers.js";
import { linkControlRisk, listRiskControls, unlinkControlRisk } from "./control-risk-handlers.js";
import { approveSoa, diffSoa, exportSoa, getSoa, getSoaVersion, listSoaVersions } from "./soa-handlers.js";
import { updateControl } from "./update-control.js";

export {
  type ControlEvidence,
  controlEvidenceStateIs,
  evidenceCurrentAt,
  loadControlEvidence,
  NO_EVIDENCE,
} from "./control-evidence-state.js";
export { type SoaStatus, soaStatusOf } from "./soa-status.js";

/** Handlers of the controls routes. */
export const controlHandlers: DomainHandlers<typeof controlRoutes> = {
  listControls,
  getControl,
  createControl,
  updateControl,
  decideControlsApplicability,
  archiveControl,
  linkControlRisk,
  unlinkControlRisk,
  listRiskControls,
  getSoa,
  approveSoa,
  listSoaVersions,
  getSoaVersion,
  diffSoa,
  exportSoa,
};
