import { z } from "zod";
import { idSchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import {
  actionKindSchema,
  agentApprovalStatusSchema,
  decisionOriginSchema,
  decisionOutcomeSchema,
} from "./agent-attributes.js";
import { actionNameSchema, approvalRequirementSchema } from "./policy-document.js";

/** Largest decision-report batch body (1000 decisions with their arguments, 5000 screenings). */
export const AGENT_DECISION_REPORT_MAX_BYTES = 16 * 1024 * 1024;
/** Largest decision API body: one call with its arguments (the policy's own limit applies after). */
export const AGENT_DECISION_MAX_BYTES = 2 * 1024 * 1024;
export const AGENT_DECISION_REPORT_MAX_DECISIONS = 1000;
export const AGENT_DECISION_REPORT_MAX_SCREENINGS = 5000;
/** Longest a long-poll on an approval may wait, in seconds. */
export const AGENT_APPROVAL_WAIT_MAX_SECONDS = 60;

/** How an approval request ended, as the decision log records it. */
export const agentFinalOutcomes = ["approved", "refused", "expired"] as const;
export const agentFinalOutcomeSchema = z.enum(agentFinalOutcomes, {
  message: "must be approved, refused or expired",
});
export type AgentFinalOutcome = z.infer<typeof agentFinalOutcomeSchema>;

/** Origins that report decisions made outside the server. */
export const reportedDecisionOrigins = ["gateway", "guard"] as const;

/** What the runtime guard did with screened model input or output. */
export const agentScreeningDirections = ["input", "output"] as const;
export const agentScreeningActions = ["flagged", "blocked"] as const;
export type AgentScreeningAction = (typeof agentScreeningActions)[number];

/** The agent's own id for its session (a conversation or run). */
export const agentSessionIdSchema = z.string().trim().min(1, "name the agent's session").max(200);
/** Who the agent acts for: an e-mail address or a user id. Never an approver of its requests. */
export const agentRequesterSchema = z.string().trim().max(254);
const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: "must be a SHA-256 in lowercase hex" });
/** Where an approval's answer is POSTed, signed; checked against private addresses like other webhooks. */
export const agentCallbackUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http or https address" })
  .max(2000);

/** One action an agent wants to take: an MCP tools/call, resources/read or prompts/get. */
export const agentActionCallSchema = z
  .object({
    kind: actionKindSchema.default("tool"),
    name: actionNameSchema,
    arguments: z.record(z.string(), z.unknown()).default({}),
  })
  .meta({ id: "AgentActionCall" });
export type AgentActionCall = z.infer<typeof agentActionCallSchema>;

export const agentDecideRequestSchema = z.object({
  sessionId: agentSessionIdSchema,
  requester: agentRequesterSchema.optional(),
  call: agentActionCallSchema,
  callbackUrl: agentCallbackUrlSchema.optional(),
});
export type AgentDecideRequest = z.infer<typeof agentDecideRequestSchema>;

/** An approval request as the agent sees it. */
export const agentApprovalSummarySchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    status: agentApprovalStatusSchema,
    expiresAt: timestampSchema,
    requirement: approvalRequirementSchema,
  })
  .meta({ id: "AgentApprovalSummary" });
export type AgentApprovalSummary = z.infer<typeof agentApprovalSummarySchema>;

export const agentDecisionResultSchema = z
  .object({
    decisionId: idSchema,
    outcome: decisionOutcomeSchema,
    /** Path of the deciding rule in the policy, e.g. tools.issue_refund.arguments.amount. */
    rule: z.string(),
    reason: z.string(),
    /** The approved policy version that decided; null when the agent has none (everything is denied). */
    policyVersionId: idSchema.nullable(),
    policySha256: z.string().nullable(),
    approval: agentApprovalSummarySchema.optional(),
  })
  .meta({ id: "AgentDecisionResult" });
export type AgentDecisionResult = z.infer<typeof agentDecisionResultSchema>;

export const agentUntrustedRequestSchema = z.object({
  /** What the agent read: a URL, "email", a tool name. */
  source: z.string().trim().min(1, "name what the agent read").max(1000),
});
export const agentSessionStateSchema = z
  .object({
    sessionId: agentSessionIdSchema,
    untrusted: z.boolean(),
    steps: z.number().int(),
    lastSeenAt: timestampSchema,
  })
  .meta({ id: "AgentSessionState" });
export type AgentSessionStateView = z.infer<typeof agentSessionStateSchema>;

/** One decision a gateway or the runtime guard made and reports. */
export const reportedDecisionSchema = z.object({
  /** The reporter's id for the decision: a re-sent one is recorded once. */
  clientDecisionId: z.string().trim().min(1).max(200),
  sessionId: agentSessionIdSchema,
  requester: agentRequesterSchema.optional(),
  decidedAt: timestampSchema,
  origin: z.enum(reportedDecisionOrigins, { message: "must be gateway or guard" }),
  call: agentActionCallSchema,
  outcome: decisionOutcomeSchema,
  rule: z.string().trim().min(1).max(500),
  reason: z.string().max(2000),
  policySha256: sha256HexSchema.optional(),
  durationUs: z.number().int().min(0).max(2_000_000_000).optional(),
  /** For approval_required decisions already answered (e.g. by MCP elicitation). */
  finalOutcome: agentFinalOutcomeSchema.optional(),
});
export type ReportedDecision = z.infer<typeof reportedDecisionSchema>;

/** One screening of model input or output by the runtime guard. */
export const reportedScreeningSchema = z.object({
  at: timestampSchema,
  direction: z.enum(agentScreeningDirections, { message: "must be input or output" }),
  rule: z.string().trim().min(1).max(200),
  action: z.enum(agentScreeningActions, { message: "must be flagged or blocked" }),
  /** The reporter's id for the screening: a re-sent one is counted once. */
  clientScreeningId: z.string().trim().min(1).max(200).optional(),
});
export type ReportedScreening = z.infer<typeof reportedScreeningSchema>;

export const agentDecisionReportRequestSchema = z.object({
  decisions: z.array(reportedDecisionSchema).max(AGENT_DECISION_REPORT_MAX_DECISIONS).default([]),
  screenings: z.array(reportedScreeningSchema).max(AGENT_DECISION_REPORT_MAX_SCREENINGS).default([]),
});
export type AgentDecisionReportRequest = z.infer<typeof agentDecisionReportRequestSchema>;

/** Accepted counts; a re-sent batch answers the same counts and records nothing twice. */
export const agentDecisionReportResultSchema = z
  .object({ decisions: z.number().int(), screenings: z.number().int() })
  .meta({ id: "AgentDecisionReportResult" });
export type AgentDecisionReportResult = z.infer<typeof agentDecisionReportResultSchema>;

/** A gateway that decided approval_required itself queues the request here. */
export const queueAgentApprovalRequestSchema = z.object({
  sessionId: agentSessionIdSchema,
  requester: agentRequesterSchema.optional(),
  call: agentActionCallSchema,
  rule: z.string().trim().min(1).max(500),
  reason: z.string().max(2000),
  requirement: approvalRequirementSchema,
  /** The gateway's id for the decision; queuing it twice answers the same approval. */
  clientDecisionId: z.string().trim().min(1).max(200).optional(),
  callbackUrl: agentCallbackUrlSchema.optional(),
  /** The policy that decided, as its hash; the log names the version of the organisation that has it. */
  policySha256: sha256HexSchema.optional(),
});
export type QueueAgentApprovalRequest = z.infer<typeof queueAgentApprovalRequestSchema>;

export const queuedAgentApprovalSchema = z
  .object({ decisionId: idSchema, approval: agentApprovalSummarySchema })
  .meta({ id: "QueuedAgentApproval" });
export type QueuedAgentApproval = z.infer<typeof queuedAgentApprovalSchema>;

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });
const systemRefSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });

export const agentApprovalGivenSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  at: timestampSchema,
  reason: z.string(),
});

/** One request in the approval queue. */
export const agentApprovalSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    system: systemRefSchema,
    /** The agent's own session id. */
    sessionId: z.string().nullable(),
    decisionId: idSchema.nullable(),
    call: agentActionCallSchema,
    rule: z.string(),
    reason: z.string(),
    requester: z.string(),
    requirement: approvalRequirementSchema,
    status: agentApprovalStatusSchema,
    approvals: z.array(agentApprovalGivenSchema),
    answeredBy: memberRefSchema.nullable(),
    answerReason: z.string().nullable(),
    answeredAt: timestampSchema.nullable(),
    expiresAt: timestampSchema,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "AgentApproval" });
export type AgentApproval = z.infer<typeof agentApprovalSchema>;

export const agentApprovalListQuerySchema = z.object({
  status: agentApprovalStatusSchema.optional(),
  systemId: idSchema.optional(),
});

/** One earlier step of the session, for the approver's timeline. */
export const agentSessionStepSchema = z.object({
  decisionId: idSchema,
  decidedAt: timestampSchema,
  origin: decisionOriginSchema,
  call: z.object({ kind: actionKindSchema, name: z.string() }),
  outcome: decisionOutcomeSchema,
  rule: z.string(),
  finalOutcome: agentFinalOutcomeSchema.nullable(),
});
export type AgentSessionStep = z.infer<typeof agentSessionStepSchema>;

export const agentApprovalDetailSchema = agentApprovalSchema
  .extend({
    /** The session's last 20 decisions, oldest first. */
    recentSteps: z.array(agentSessionStepSchema),
    /** Members who may answer now (under the requirement, not the requester, not yet approved). */
    eligibleApprovers: z.array(memberRefSchema),
    /** Whether the caller may answer, and if not, why in plain words. */
    mayApprove: z.boolean(),
    mayNotApproveReason: z.string().nullable(),
  })
  .meta({ id: "AgentApprovalDetail" });
export type AgentApprovalDetail = z.infer<typeof agentApprovalDetailSchema>;

export const approveAgentActionRequestSchema = z.object({
  reason: z.string().trim().max(2000).optional(),
  version: versionSchema,
});
export const refuseAgentActionRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

export const agentApprovalWaitQuerySchema = z.object({
  timeoutSeconds: z.coerce.number().int().min(0).max(AGENT_APPROVAL_WAIT_MAX_SECONDS).default(30),
});
/** The long-poll's answer: the approval's status once it leaves pending, or pending at the timeout. */
export const agentApprovalWaitResultSchema = z
  .object({
    id: idSchema,
    status: agentApprovalStatusSchema,
    answerReason: z.string().nullable(),
    answeredAt: timestampSchema.nullable(),
    expiresAt: timestampSchema,
  })
  .meta({ id: "AgentApprovalWaitResult" });
export type AgentApprovalWaitResult = z.infer<typeof agentApprovalWaitResultSchema>;

/** A new webhook signing secret for the agent's callbacks, shown once. */
export const agentWebhookSecretSchema = z
  .object({ secret: z.string(), createdAt: timestampSchema })
  .meta({ id: "AgentWebhookSecret" });

/** The body POSTed (signed) to an approval's callbackUrl when it is answered or expires. */
export const agentApprovalCallbackSchema = z
  .object({
    event: z.literal("agent_approval.answered"),
    orgId: idSchema,
    systemId: idSchema,
    approvalId: idSchema,
    ref: z.string(),
    decisionId: idSchema.nullable(),
    sessionId: z.string().nullable(),
    status: agentApprovalStatusSchema,
    answerReason: z.string().nullable(),
    answeredAt: timestampSchema.nullable(),
  })
  .meta({ id: "AgentApprovalCallback" });
export type AgentApprovalCallback = z.infer<typeof agentApprovalCallbackSchema>;

export const agentApprovalLinkParamsSchema = z.object({ token: z.string().min(1).max(200) });
export const agentApprovalLinkDetailSchema = agentApprovalDetailSchema
  .extend({ orgId: idSchema, linkExpiresAt: timestampSchema })
  .meta({ id: "AgentApprovalLinkDetail" });
export type AgentApprovalLinkDetail = z.infer<typeof agentApprovalLinkDetailSchema>;
export const answerAgentApprovalLinkRequestSchema = z
  .object({
    decision: z.enum(["approve", "refuse"], { message: "must be approve or refuse" }),
    reason: z.string().trim().max(2000).default(""),
  })
  .refine((body) => body.decision === "approve" || body.reason.length >= 3, {
    message: "give a reason of at least 3 characters to refuse",
    path: ["reason"],
  });
export const answeredAgentApprovalLinkSchema = agentApprovalSchema
  .extend({ orgId: idSchema })
  .meta({ id: "AnsweredAgentApprovalLink" });

/** One row of the decision log. */
export const agentDecisionSchema = z
  .object({
    id: idSchema,
    /** The agent's own session id. */
    sessionId: z.string().nullable(),
    requester: z.string().nullable(),
    origin: decisionOriginSchema,
    decidedAt: timestampSchema,
    call: agentActionCallSchema,
    argumentsSha256: z.string(),
    outcome: decisionOutcomeSchema,
    rule: z.string(),
    reason: z.string(),
    policyVersionId: idSchema.nullable(),
    policySha256: z.string().nullable(),
    approval: z.object({ id: idSchema, ref: z.string(), status: agentApprovalStatusSchema }).nullable(),
    finalOutcome: agentFinalOutcomeSchema.nullable(),
    durationUs: z.number().int().nullable(),
    clientDecisionId: z.string().nullable(),
  })
  .meta({ id: "AgentDecision" });
export type AgentDecision = z.infer<typeof agentDecisionSchema>;

export const agentDecisionListQuerySchema = z.object({
  outcome: decisionOutcomeSchema.optional(),
  tool: z.string().trim().min(1).max(128).optional(),
  sessionId: agentSessionIdSchema.optional(),
  origin: decisionOriginSchema.optional(),
});

export const agentDecisionVerifySchema = z
  .object({
    /** The audit trail verifies and every decision row matches its audit entry. */
    verified: z.boolean(),
    /** Decision rows checked against their entries. */
    checked: z.number().int(),
    /** Audit entries checked in the chain. */
    auditEntriesChecked: z.number().int(),
    problems: z.array(z.object({ decisionId: idSchema.nullable(), message: z.string() })),
  })
  .meta({ id: "AgentDecisionVerify" });
export type AgentDecisionVerify = z.infer<typeof agentDecisionVerifySchema>;

export const agentMetricBuckets = ["hour", "day"] as const;
export const agentDecisionMetricsQuerySchema = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  bucket: z.enum(agentMetricBuckets, { message: "must be hour or day" }).default("hour"),
});
const outcomeCountsSchema = z.object({
  allow: z.number().int(),
  deny: z.number().int(),
  approvalRequired: z.number().int(),
  total: z.number().int(),
});
export const agentDecisionMetricsSchema = z
  .object({
    from: timestampSchema,
    to: timestampSchema,
    bucket: z.enum(agentMetricBuckets),
    buckets: z.array(outcomeCountsSchema.extend({ start: timestampSchema })),
    totals: outcomeCountsSchema,
    /** Denied of all decisions, 0..1; null with no decisions. */
    denyRate: z.number().nullable(),
    /** Seconds from request to answer, over approvals answered in the range. */
    approvalLatency: z.object({
      answered: z.number().int(),
      p50Seconds: z.number().nullable(),
      p95Seconds: z.number().nullable(),
    }),
    screenings: z.object({ blocked: z.number().int(), flagged: z.number().int() }),
  })
  .meta({ id: "AgentDecisionMetrics" });
export type AgentDecisionMetrics = z.infer<typeof agentDecisionMetricsSchema>;
