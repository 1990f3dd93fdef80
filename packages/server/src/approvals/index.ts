import type { approvalRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getApprovalCheck } from "./approval-handlers.js";

export { checkSegregationOfDuties, refuseSelfApproval } from "./segregation-of-duties.js";

/** Handlers of the approvals routes. */
export const approvalHandlers: DomainHandlers<typeof approvalRoutes> = { getApprovalCheck };
