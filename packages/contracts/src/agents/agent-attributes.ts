import { z } from "zod";
import { oneOfMessage } from "../inventory/system-attributes.js";

/** What a tool does when an agent calls it; policies and flow rules can speak of classes. */
export const actionClasses = [
  "read",
  "write",
  "financial",
  "external_communication",
  "code_execution",
  "data_export",
] as const;
export const actionClassSchema = z.enum(actionClasses, { message: oneOfMessage(actionClasses) });
export type ActionClass = z.infer<typeof actionClassSchema>;

/** What the decision function can say of one action. */
export const decisionOutcomes = ["allow", "deny", "approval_required"] as const;
export const decisionOutcomeSchema = z.enum(decisionOutcomes, { message: oneOfMessage(decisionOutcomes) });
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

/** The kinds of action a policy governs: MCP tools/call, resources/read and prompts/get. */
export const actionKinds = ["tool", "resource", "prompt"] as const;
export const actionKindSchema = z.enum(actionKinds, { message: oneOfMessage(actionKinds) });
export type ActionKind = z.infer<typeof actionKindSchema>;

/** Where a decision was made: the server's decision API, an MCP gateway, or the runtime guard. */
export const decisionOrigins = ["api", "gateway", "guard"] as const;
export const decisionOriginSchema = z.enum(decisionOrigins, { message: oneOfMessage(decisionOrigins) });
export type DecisionOrigin = z.infer<typeof decisionOriginSchema>;

/** Life of one policy version: written as a draft, approved, then superseded by the next approval. */
export const policyVersionStatuses = ["draft", "approved", "superseded", "withdrawn"] as const;
export const policyVersionStatusSchema = z.enum(policyVersionStatuses, {
  message: oneOfMessage(policyVersionStatuses),
});
export type PolicyVersionStatus = z.infer<typeof policyVersionStatusSchema>;

/** Life of one approval request in the queue. */
export const agentApprovalStatuses = ["pending", "approved", "refused", "expired", "cancelled"] as const;
export const agentApprovalStatusSchema = z.enum(agentApprovalStatuses, {
  message: oneOfMessage(agentApprovalStatuses),
});
export type AgentApprovalStatus = z.infer<typeof agentApprovalStatusSchema>;
