import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  type ClientCapabilities,
  ElicitResultSchema,
  type ServerNotification,
  type ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";
import {
  type ActionDecision,
  AGENT_APPROVAL_WAIT_MAX_SECONDS,
  type AgentActionCall,
  agentApprovalWaitResultSchema,
  queuedAgentApprovalSchema,
} from "@openaims/contracts";
import type { AimsServerClient } from "./aims-server.js";
import type { GatewayConfig } from "./gateway-config.js";
import { message } from "./upstream.js";

/** How an approval ended; `unavailable` when there was no way to ask anyone. */
export interface ApprovalAnswer {
  status: "approved" | "refused" | "expired" | "unavailable";
  /** In words, for the blocked result. */
  reason: string;
  /** The server's decision id when the approval queue recorded it. */
  decisionId?: string;
  via: "elicitation" | "queue" | null;
}

export const NO_WAY_TO_ASK = "approval needed but no way to ask";

export interface ApprovalRequest {
  call: AgentActionCall;
  decision: ActionDecision;
  sessionId: string;
  clientDecisionId: string;
  /** The hash of the policy that decided, so the server's log names its version. */
  policySha256?: string;
  clientCapabilities: ClientCapabilities | undefined;
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>;
}

/**
 * Asks for approval of one call: through MCP elicitation when the client can show a form and the
 * configuration allows it, else through the server's approval queue (queued, then long-polled until
 * answered, expired or the configured timeout), else not at all.
 */
export async function askForApproval(
  request: ApprovalRequest,
  approvals: GatewayConfig["approvals"],
  server: AimsServerClient | null,
): Promise<ApprovalAnswer> {
  const via = approvals.via;
  const canElicit = Boolean(request.clientCapabilities?.elicitation?.form);
  const beyondClient = needsTheQueue(request.decision.approval);
  if ((via === "auto" || via === "elicitation") && canElicit && !beyondClient) {
    return elicit(request, approvals.timeoutMs);
  }
  if ((via === "auto" || via === "queue") && server) return queue(request, approvals.timeoutMs, server);
  const why =
    beyondClient && canElicit && via !== "queue" ? ` (${beyondClient}, which only the approval queue can check)` : "";
  return { status: "unavailable", reason: `${NO_WAY_TO_ASK}${why}`, via: null };
}

/**
 * What in a requirement the person at the client cannot meet: nobody there is identified, and one
 * answer is one approver. Null when one unnamed approver is enough, the only case elicitation can settle.
 */
export function needsTheQueue(approval: ActionDecision["approval"]): string | null {
  if (!approval) return null;
  if (approval.count > 1) return `it needs ${approval.count} different approvers`;
  if (approval.members.length > 0) return "only named members may approve it";
  if (approval.not_from.length > 0) return "some members may not approve it";
  return null;
}

async function elicit(request: ApprovalRequest, timeoutMs: number): Promise<ApprovalAnswer> {
  const { call, decision } = request;
  const what = call.kind === "tool" ? `call the tool ${call.name}` : `use the ${call.kind} ${call.name}`;
  const text = [
    `The agent wants to ${what} with these arguments:`,
    JSON.stringify(call.arguments, null, 2),
    `Rule ${decision.rule}: ${decision.reason}.`,
    "Approve it?",
  ].join("\n");
  try {
    const result = await request.extra.sendRequest(
      {
        method: "elicitation/create",
        params: {
          mode: "form",
          message: text,
          requestedSchema: {
            type: "object",
            properties: {
              approve: { type: "boolean", title: "Approve", description: `Let the agent ${what}` },
            },
            required: ["approve"],
          },
        },
      },
      ElicitResultSchema,
      { timeout: timeoutMs },
    );
    if (result.action === "accept" && result.content?.approve === true)
      return { status: "approved", reason: "approved in the client", via: "elicitation" };
    const how = result.action === "accept" ? "not approved" : result.action === "decline" ? "declined" : "cancelled";
    return { status: "refused", reason: `${how} in the client`, via: "elicitation" };
  } catch (error) {
    const timedOut = /timed? ?out/i.test(message(error));
    return timedOut
      ? { status: "expired", reason: "nobody answered the approval request in time", via: "elicitation" }
      : { status: "refused", reason: `the approval request failed (${message(error)})`, via: "elicitation" };
  }
}

async function queue(request: ApprovalRequest, timeoutMs: number, server: AimsServerClient): Promise<ApprovalAnswer> {
  const { call, decision } = request;
  if (!decision.approval) return { status: "unavailable", reason: NO_WAY_TO_ASK, via: null };
  let queued: { decisionId: string; approval: { id: string; ref: string } };
  let orgPath: string;
  try {
    const paths = await server.paths(request.extra.signal);
    orgPath = paths.orgPath;
    queued = await server.post(
      `${paths.agentPath}/approvals`,
      {
        sessionId: request.sessionId,
        call,
        rule: decision.rule,
        reason: decision.reason,
        requirement: decision.approval,
        clientDecisionId: request.clientDecisionId,
        ...(request.policySha256 ? { policySha256: request.policySha256 } : {}),
      },
      queuedAgentApprovalSchema,
      request.extra.signal,
    );
  } catch (error) {
    return { status: "unavailable", reason: `${NO_WAY_TO_ASK} (the approval queue: ${message(error)})`, via: null };
  }
  const deadline = Date.now() + timeoutMs;
  const waitPath = `${orgPath}/agent-approvals/${queued.approval.id}/wait`;
  let failures = 0;
  while (!request.extra.signal.aborted) {
    const left = Math.ceil((deadline - Date.now()) / 1000);
    if (left <= 0) break;
    const seconds = Math.min(left, AGENT_APPROVAL_WAIT_MAX_SECONDS);
    try {
      const answer = await server.get(
        `${waitPath}?timeoutSeconds=${seconds}`,
        agentApprovalWaitResultSchema,
        request.extra.signal,
      );
      failures = 0;
      const base = { decisionId: queued.decisionId, via: "queue" as const };
      const because = answer.answerReason ? `: ${answer.answerReason}` : "";
      if (answer.status === "approved")
        return { ...base, status: "approved", reason: `approved in ${queued.approval.ref}${because}` };
      if (answer.status === "refused" || answer.status === "cancelled")
        return { ...base, status: "refused", reason: `refused in ${queued.approval.ref}${because}` };
      if (answer.status === "expired")
        return { ...base, status: "expired", reason: `${queued.approval.ref} expired unanswered` };
    } catch {
      failures += 1;
      if (failures >= 5) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return {
    status: "expired",
    reason: `${queued.approval.ref} was not answered within the gateway's wait`,
    decisionId: queued.decisionId,
    via: "queue",
  };
}
