import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { oneOfMessage } from "../inventory/system-attributes.js";
import {
  actionClassSchema,
  actionKindSchema,
  decisionOutcomeSchema,
  policyVersionStatusSchema,
} from "./agent-attributes.js";
import { actionDecisionSchema } from "./policy-document.js";

/** Largest policy source text, in characters. */
export const POLICY_SOURCE_MAX = 256 * 1024;
/** Most steps one replay test may decide. */
export const REPLAY_MAX_STEPS = 10_000;
/** Largest trace text a replay test takes, in characters. */
export const REPLAY_TRACE_MAX = 8 * 1024 * 1024;

/** Where an agent's effective policy comes from: its own, the organisation default, or none (deny all). */
export const effectivePolicySources = ["agent", "organisation", "none"] as const;
export const effectivePolicySourceSchema = z.enum(effectivePolicySources, {
  message: oneOfMessage(effectivePolicySources),
});
export type EffectivePolicySource = z.infer<typeof effectivePolicySourceSchema>;

/** How a part of a policy changed between two versions. */
export const policyChangeKinds = ["added", "removed", "changed"] as const;
export const policyChangeKindSchema = z.enum(policyChangeKinds, { message: oneOfMessage(policyChangeKinds) });

/** A mistake or warning in a policy, named by its path. */
export const policyProblemSchema = z.object({ path: z.string(), message: z.string() });
export type PolicyProblem = z.infer<typeof policyProblemSchema>;

/** One tool an agent calls: an inventory asset of kind tool linked to it. */
export const agentToolSchema = z.object({
  assetId: idSchema,
  name: z.string(),
  toolName: z.string(),
  actionClass: actionClassSchema.nullable(),
  dataCategories: z.array(z.string()),
});
export type AgentTool = z.infer<typeof agentToolSchema>;

/** Where a policy stands: whether one exists, which version is approved, how many drafts wait. */
export const agentPolicyStatusSchema = z.object({
  policyId: idSchema.nullable(),
  ref: z.string().nullable(),
  approvedVersionId: idSchema.nullable(),
  approvedVersionNumber: z.number().int().nullable(),
  drafts: z.number().int(),
});
export type AgentPolicyStatus = z.infer<typeof agentPolicyStatusSchema>;

export const agentSummarySchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  lifecycleStage: z.string(),
  tools: z.array(agentToolSchema),
  policy: agentPolicyStatusSchema,
  /** Which policy decides the agent's actions now. */
  effectiveSource: effectivePolicySourceSchema,
});
export type AgentSummary = z.infer<typeof agentSummarySchema>;

export const agentListSchema = z.object({
  items: z.array(agentSummarySchema),
  organisationDefault: agentPolicyStatusSchema,
});
export type AgentList = z.infer<typeof agentListSchema>;

export const agentDetailSchema = agentSummarySchema.extend({ organisationDefault: agentPolicyStatusSchema });
export type AgentDetail = z.infer<typeof agentDetailSchema>;

const personSchema = z.object({ memberId: idSchema, name: z.string() }).nullable();

export const agentPolicySchema = z.object({
  id: idSchema,
  ref: z.string(),
  /** Null: the organisation default. */
  systemId: idSchema.nullable(),
  systemName: z.string().nullable(),
  title: z.string(),
  approvedVersionId: idSchema.nullable(),
  approvedVersionNumber: z.number().int().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  version: z.number().int(),
});
export type AgentPolicy = z.infer<typeof agentPolicySchema>;

export const agentPolicyVersionSchema = z.object({
  id: idSchema,
  policyId: idSchema,
  number: z.number().int(),
  status: policyVersionStatusSchema,
  /** The policy as written, YAML or JSON. */
  source: z.string(),
  document: z.record(z.string(), z.unknown()),
  documentSha256: z.string(),
  changeNote: z.string(),
  createdBy: personSchema,
  approvedBy: personSchema,
  approvedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  version: z.number().int(),
  /** What keeps this version from being approved now (a draft may be saved with mistakes). */
  problems: z.array(policyProblemSchema),
});
export type AgentPolicyVersion = z.infer<typeof agentPolicyVersionSchema>;

export const agentPolicyDetailSchema = agentPolicySchema.extend({
  /** Newest first. */
  versions: z.array(agentPolicyVersionSchema),
});
export type AgentPolicyDetail = z.infer<typeof agentPolicyDetailSchema>;

export const agentPolicyListQuerySchema = z.object({ systemId: idSchema.optional() });
export const agentPolicyListSchema = z.object({ items: z.array(agentPolicySchema) });

const policySourceSchema = z.string().min(1, "must not be empty").max(POLICY_SOURCE_MAX);
const changeNoteSchema = z.string().trim().max(2000);

export const createAgentPolicyRequestSchema = z.object({
  /** Null: the organisation default. */
  systemId: idSchema.nullable(),
  title: z.string().trim().max(200).default(""),
});

export const createPolicyVersionRequestSchema = z.object({
  source: policySourceSchema,
  changeNote: changeNoteSchema.default(""),
});

export const updatePolicyVersionRequestSchema = z.object({
  source: policySourceSchema.optional(),
  changeNote: changeNoteSchema.optional(),
  version: versionSchema,
});

export const policyVersionActionRequestSchema = z.object({ version: versionSchema });

export const validatePolicyRequestSchema = z.object({
  source: z.string().max(POLICY_SOURCE_MAX),
  /** The agent whose tools are known; null: the organisation default (every tool asset). */
  systemId: idSchema.nullable().default(null),
});

export const validatePolicyResultSchema = z.object({
  ok: z.boolean(),
  errors: z.array(policyProblemSchema),
  warnings: z.array(policyProblemSchema),
});
export type ValidatePolicyResult = z.infer<typeof validatePolicyResultSchema>;

/** Without `to`: the newest version; without `from`: the approved version, or the one before `to`. */
export const policyDiffQuerySchema = z.object({ from: idSchema.optional(), to: idSchema.optional() });

/** One part of the policy that differs between two versions. */
export const policyChangeSchema = z.object({
  /** tools, flows, default, classes, resources, prompts or limits. */
  area: z.string(),
  /** The tool, class, resource or prompt name, or the flow's index. */
  key: z.string(),
  change: policyChangeKindSchema,
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type PolicyChange = z.infer<typeof policyChangeSchema>;

export const sourceLineSchema = z.object({
  kind: z.enum(["same", "added", "removed"]),
  text: z.string(),
});

export const policyDiffSchema = z.object({
  from: z.object({ id: idSchema, number: z.number().int(), status: policyVersionStatusSchema }),
  to: z.object({ id: idSchema, number: z.number().int(), status: policyVersionStatusSchema }),
  changes: z.array(policyChangeSchema),
  lines: z.array(sourceLineSchema),
});
export type PolicyDiff = z.infer<typeof policyDiffSchema>;

export const policyTestRequestSchema = z
  .object({
    /** JSON Lines, one trace entry a line. */
    trace: z.string().max(REPLAY_TRACE_MAX).optional(),
    /** A red-team transcript as `aims redteam` writes it (transcript.jsonl): each case is one session. */
    redteamTranscript: z.string().max(REPLAY_TRACE_MAX).optional(),
    redteamScanId: idSchema.optional(),
    fromDecisionLog: z.object({ limit: z.number().int().min(1).max(REPLAY_MAX_STEPS) }).optional(),
  })
  .refine(
    (body) =>
      [body.trace, body.redteamTranscript, body.redteamScanId, body.fromDecisionLog].filter((v) => v !== undefined)
        .length === 1,
    { message: "give exactly one of trace, redteamTranscript, redteamScanId or fromDecisionLog", path: ["trace"] },
  );

const replayDecisionSchema = actionDecisionSchema.pick({ outcome: true, rule: true, reason: true });

export const policyTestStepSchema = z.object({
  index: z.number().int(),
  kind: actionKindSchema,
  name: z.string(),
  arguments: z.unknown(),
  /** The approved version's decision; null when nothing is approved. */
  before: replayDecisionSchema.nullable(),
  after: replayDecisionSchema,
  changed: z.boolean(),
});

export const policyTestResultSchema = z.object({
  baselineVersionId: idSchema.nullable(),
  steps: z.number().int(),
  changed: z.number().int(),
  /** The tested version's outcomes. */
  outcomes: z.record(decisionOutcomeSchema, z.number().int()),
  /** Changed steps first, then the rest, in trace order. */
  items: z.array(policyTestStepSchema),
});
export type PolicyTestResult = z.infer<typeof policyTestResultSchema>;

export const effectivePolicySchema = z.object({
  versionId: idSchema.nullable(),
  sha256: z.string(),
  source: effectivePolicySourceSchema,
  document: z.record(z.string(), z.unknown()),
  toolClasses: z.record(z.string(), actionClassSchema),
});
export type EffectivePolicyRecord = z.infer<typeof effectivePolicySchema>;
