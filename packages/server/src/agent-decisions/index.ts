import type { agentDecisionRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { agentMetricJobHandlers } from "./agent-decision-metrics.js";
import {
  markAgentSessionUntrusted,
  queueAgentApproval,
  reportAgentDecisions,
  rotateAgentWebhookSecret,
} from "./agent-report-handlers.js";
import {
  approveAgentAction,
  getAgentApproval,
  listAgentApprovals,
  refuseAgentAction,
  waitForAgentApproval,
} from "./approval-handlers.js";
import { approvalJobHandlers } from "./approval-lifecycle.js";
import { answerAgentApprovalLink, getAgentApprovalLink } from "./approval-link-handlers.js";
import { decideAgentAction } from "./decide-agent-action.js";
import { getAgentDecisionMetrics, listAgentDecisions, verifyAgentDecisions } from "./decision-log-handlers.js";

export { AGENT_METRICS_EVERY_MS, AGENT_METRICS_JOB } from "./agent-decision-metrics.js";
export { APPROVAL_EXPIRY_EVERY_MS, APPROVAL_EXPIRY_JOB } from "./approval-lifecycle.js";

/** Handlers of agent decisions: the decision API, the approval queue and links, the decision log. */
export const agentDecisionHandlers: DomainHandlers<typeof agentDecisionRoutes> = {
  decideAgentAction,
  markAgentSessionUntrusted,
  reportAgentDecisions,
  queueAgentApproval,
  rotateAgentWebhookSecret,
  listAgentApprovals,
  getAgentApproval,
  approveAgentAction,
  refuseAgentAction,
  waitForAgentApproval,
  getAgentApprovalLink,
  answerAgentApprovalLink,
  listAgentDecisions,
  verifyAgentDecisions,
  getAgentDecisionMetrics,
};

/** Jobs of agent decisions: approval callbacks and expiry, and the hourly decision metrics. */
export const agentDecisionJobHandlers = { ...approvalJobHandlers, ...agentMetricJobHandlers };
