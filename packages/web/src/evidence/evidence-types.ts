import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type Evidence = ApiResult<typeof routes.getEvidence>;
export type EvidenceLink = Evidence["links"][number];
export type AttentionItem = ApiResult<typeof routes.listEvidenceAttention>["items"][number];

/** The link lists the create forms send: ids of controls, risks, systems and inventory assets, and clause ids. */
export interface TargetSelection {
  controlIds: string[];
  clauseIds: string[];
  riskIds: string[];
  systemIds: string[];
  assetIds: string[];
}

export const emptySelection: TargetSelection = {
  controlIds: [],
  clauseIds: [],
  riskIds: [],
  systemIds: [],
  assetIds: [],
};
