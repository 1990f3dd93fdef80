import { z } from "zod";
import { roles } from "../common.js";
import { actionClasses, actionClassSchema } from "./agent-attributes.js";

/**
 * The agent action policy document: the published format an organisation writes (YAML or JSON) and
 * the server, the MCP gateway and the runtime guard all read. Keys are snake_case so a policy reads
 * the same in a gateway's YAML file and in the policy editor. This schema checks the shape only;
 * `compilePolicy` in core checks the meaning (argument schemas compile, no contradictory rules,
 * known tools) and names the path of each mistake.
 */

/** A tool, resource or prompt name as an agent calls it. */
export const actionNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:/-]+$/, { message: "must be letters, digits, _ . : / or -" });

/** A duration such as 90s, 15m, 4h or 2d. */
export const policyDurationSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}(s|m|h|d)$/, { message: "must be a duration such as 90s, 15m, 4h or 2d" });

/** Who may approve: `approver` (any member allowed to approve agent actions) or one organisation role. */
export const approverRoles = ["approver", ...roles] as const;
export const approverRoleSchema = z.enum(approverRoles, {
  message: `must be one of ${approverRoles.join(", ")}`,
});
export type ApproverRole = z.infer<typeof approverRoleSchema>;

/** What an approval needs. The requester never counts as an approver, whatever the policy says. */
export const approvalRequirementSchema = z.strictObject({
  role: approverRoleSchema.default("approver"),
  /** How many different people must approve. */
  count: z.number().int().min(1).max(5).default(1),
  /** Only these members (e-mail addresses) may approve; empty: anyone with the role. */
  members: z.array(z.email()).max(100).default([]),
  /** Members (e-mail addresses) who may never approve this action. */
  not_from: z.array(z.email()).max(100).default([]),
  /** How long the request waits before it expires and the action is refused. */
  expires: policyDurationSchema.default("1h"),
});
export type ApprovalRequirement = z.infer<typeof approvalRequirementSchema>;

/** A JSON Schema (draft 2020-12) fragment; compiled and checked by compilePolicy. */
export const jsonSchemaFragmentSchema = z.record(z.string(), z.unknown());

const simpleDecisions = ["allow", "deny", "approval"] as const;
export const simpleDecisionSchema = z.enum(simpleDecisions, { message: "must be allow, deny or approval" });
export type SimpleDecision = z.infer<typeof simpleDecisionSchema>;

/** The full form of a tool's rule; the short forms are `allow`, `deny` and `approval`. */
export const toolRuleObjectSchema = z.strictObject({
  /** allow (the default when no approval is given), deny, or approval. */
  decision: simpleDecisionSchema.optional(),
  /** The call needs approval; implies decision: approval. */
  approval: approvalRequirementSchema.optional(),
  /** Per argument, a JSON Schema the value must meet (e.g. amount: { maximum: 100 }); a call that fails is denied. */
  arguments: z.record(z.string(), jsonSchemaFragmentSchema).optional(),
  /** A JSON Schema for the whole arguments object, checked after `arguments`. */
  schema: jsonSchemaFragmentSchema.optional(),
  /** Most calls allowed in a sliding window, per agent. */
  rate: z
    .strictObject({
      per_minute: z.number().int().min(1).max(1_000_000).optional(),
      per_hour: z.number().int().min(1).max(100_000_000).optional(),
    })
    .optional(),
  /** Most money (the sum of one numeric argument) allowed per UTC day, per agent. */
  budget: z
    .strictObject({
      argument: z.string().min(1).max(128),
      per_day: z.number().positive(),
      currency: z.string().max(8).optional(),
    })
    .optional(),
  /** What the tool does; overrides the action class recorded on the tool's inventory asset. */
  class: actionClassSchema.optional(),
  /** The tool's output is untrusted content (a web page, an e-mail): flow rules with after_untrusted apply after it. */
  untrusted: z.boolean().optional(),
});
export type ToolRuleObject = z.infer<typeof toolRuleObjectSchema>;

export const toolRuleSchema = z.union([simpleDecisionSchema, toolRuleObjectSchema]);
export type ToolRule = z.infer<typeof toolRuleSchema>;

/** A target in a flow rule: a tool name, or `class:<action class>` for every tool of that class. */
export const flowTargetSchema = z.union([z.templateLiteral(["class:", z.enum(actionClasses)]), actionNameSchema]);

/**
 * After the session has called any of `after` (or read untrusted content, with after_untrusted),
 * the listed tools need approval or are denied.
 */
export const flowRuleSchema = z
  .strictObject({
    after: z.array(flowTargetSchema).max(200).default([]),
    after_untrusted: z.boolean().default(false),
    require_approval: z.array(flowTargetSchema).max(200).default([]),
    deny: z.array(flowTargetSchema).max(200).default([]),
    approval: approvalRequirementSchema.optional(),
    /** Words shown with the decision. */
    reason: z.string().max(500).optional(),
  })
  .refine((flow) => flow.after.length > 0 || flow.after_untrusted, {
    message: "needs after or after_untrusted",
    path: ["after"],
  })
  .refine((flow) => flow.require_approval.length > 0 || flow.deny.length > 0, {
    message: "needs require_approval or deny",
    path: ["require_approval"],
  });
export type FlowRule = z.infer<typeof flowRuleSchema>;

/** Rule for a resource (by URI, `*` as a suffix wildcard) or prompt (by name). */
export const namedRuleSchema = z.union([
  simpleDecisionSchema,
  z.strictObject({ decision: simpleDecisionSchema.optional(), approval: approvalRequirementSchema.optional() }),
]);

export const policyDocumentSchema = z
  .strictObject({
    /** Format version of this document. */
    version: z.literal(1).default(1),
    /** What happens to a tool the policy does not list. */
    default: simpleDecisionSchema.default("deny"),
    tools: z.record(actionNameSchema, toolRuleSchema).default({}),
    /** Rules for whole action classes, used for listed tools of that class without a rule of their own. */
    classes: z.partialRecord(actionClassSchema, toolRuleSchema).optional(),
    flows: z.array(flowRuleSchema).max(200).default([]),
    /** resources/read by URI; when absent, resources are not governed. */
    resources: z.record(z.string().min(1).max(1000), namedRuleSchema).optional(),
    /** prompts/get by name; when absent, prompts are not governed. */
    prompts: z.record(actionNameSchema, namedRuleSchema).optional(),
    limits: z
      .strictObject({
        /** Largest arguments object, as JSON bytes, a call may carry. */
        max_argument_bytes: z
          .number()
          .int()
          .min(1)
          .max(16 * 1024 * 1024)
          .default(64 * 1024),
      })
      .default({ max_argument_bytes: 64 * 1024 }),
  })
  .meta({ id: "AgentPolicyDocument" });
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyDocumentInput = z.input<typeof policyDocumentSchema>;

/** What the decision function says of one action, and the rule that decided. */
export const actionDecisionSchema = z
  .object({
    outcome: z.enum(["allow", "deny", "approval_required"]),
    /** Path of the deciding rule in the policy, e.g. tools.issue_refund.arguments.amount, flows[0], default. */
    rule: z.string(),
    /** The decision in plain words. */
    reason: z.string(),
    /** For approval_required: what the approval needs. */
    approval: approvalRequirementSchema.optional(),
  })
  .meta({ id: "AgentActionDecision" });
export type ActionDecision = z.infer<typeof actionDecisionSchema>;
