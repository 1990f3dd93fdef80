import type { gateRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { listGateChecklists, replaceGateChecklist } from "./gate-checklists.js";
import { getGateDecision, listGateDecisions, listSystemGateDecisions } from "./gate-decision-lists.js";
import { decideGate, getGate } from "./gate-handlers.js";
import { approveGateOverride, listGateOverrides, requestGateOverride, withdrawGateOverride } from "./gate-overrides.js";
import { getGateAttestation, getReleaseKey } from "./release-attestation.js";
import { signOffGate } from "./sign-off-gate.js";

/** Handlers of the release-gate routes. */
export const gateHandlers: DomainHandlers<typeof gateRoutes> = {
  listGateChecklists,
  replaceGateChecklist,
  getGate,
  decideGate,
  listSystemGateDecisions,
  signOffGate,
  requestGateOverride,
  listGateDecisions,
  getGateDecision,
  getGateAttestation,
  listGateOverrides,
  approveGateOverride,
  withdrawGateOverride,
  getReleaseKey,
};
