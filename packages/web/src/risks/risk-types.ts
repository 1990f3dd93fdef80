import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type RiskItem = ApiResult<typeof routes.listRisks>["items"][number];
export type RiskDetail = ApiResult<typeof routes.getRisk>;
export type TreatmentActionItem = RiskDetail["actions"][number];
export type RiskMethodData = ApiResult<typeof routes.getRiskMethod>;
export type ThreatProposalItem = ApiResult<typeof routes.listThreatProposals>["items"][number];
