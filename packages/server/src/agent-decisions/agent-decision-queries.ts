import { createHash } from "node:crypto";
import type {
  ActionKind,
  AgentApproval,
  AgentApprovalStatus,
  AgentDecision,
  AgentFinalOutcome,
  ApprovalRequirement,
  DecisionOrigin,
  DecisionOutcome,
} from "@openaims/contracts";
import { approvalRequirementSchema } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { isUuid } from "../records/is-uuid.js";

/** The capability that makes an AI system an agent. */
const AGENT_CAPABILITY = "agent_tools";

/** An agent as the decision routes need it. */
export interface DecisionAgent {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
}

/** The organisation's agent with this id; 404 for a system elsewhere, unknown, or without agent_tools. */
export async function findDecisionAgent(db: Kysely<Database>, orgId: string, systemId: string): Promise<DecisionAgent> {
  const row = isUuid(systemId)
    ? await db
        .selectFrom("ai_systems")
        .select(["id", "slug", "name", "capabilities", "archived_at"])
        .where("org_id", "=", orgId)
        .where("id", "=", systemId.toLowerCase())
        .executeTakeFirst()
    : undefined;
  return decisionAgentOf(row, systemId);
}

/** A system row read elsewhere as the agent it must be; 404 when there is none or it is no agent. */
export function decisionAgentOf(
  row: { id: string; slug: string; name: string; capabilities: string[]; archived_at: Date | null } | undefined,
  systemId: string,
): DecisionAgent {
  if (!row?.capabilities.includes(AGENT_CAPABILITY)) throw notFound("Agent", systemId);
  return { id: row.id, slug: row.slug, name: row.name, archived: row.archived_at !== null };
}

/** SHA-256 (hex) of the canonical JSON of a value: what the decision log and its audit entries name. */
export function sha256OfJson(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** Largest arguments object kept in the decision log; larger ones keep their SHA-256 and size only. */
export const STORED_ARGUMENTS_MAX_BYTES = 32 * 1024;

/** The arguments as the log keeps them: as given, or a note of their size when too large. */
export function storedArguments(args: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(args);
  const bytes = Buffer.byteLength(json);
  return bytes <= STORED_ARGUMENTS_MAX_BYTES
    ? args
    : { _omitted: `the arguments were ${bytes} bytes; only their SHA-256 is kept` };
}

export function requirementOf(value: unknown): ApprovalRequirement {
  const parsed = approvalRequirementSchema.safeParse(value);
  return parsed.success ? parsed.data : approvalRequirementSchema.parse({});
}

/** Columns of an approval with its agent, session and answering member. */
export function approvalQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("agent_approvals as a")
    .innerJoin("ai_systems as s", "s.id", "a.system_id")
    .leftJoin("agent_sessions as ss", "ss.id", "a.session_id")
    .leftJoin("memberships as am", "am.id", "a.answered_by_member_id")
    .leftJoin("users as au", "au.id", "am.user_id")
    .select([
      "a.id",
      "a.org_id",
      "a.ref",
      "a.system_id",
      "a.session_id",
      "a.decision_id",
      "a.action_kind",
      "a.action_name",
      "a.arguments",
      "a.rule",
      "a.reason",
      "a.requester",
      "a.requirement",
      "a.status",
      "a.approvals",
      "a.answered_by_member_id",
      "a.answer_reason",
      "a.answered_at",
      "a.expires_at",
      "a.callback_url",
      "a.created_at",
      "a.updated_at",
      "a.version",
      "s.slug as system_slug",
      "s.name as system_name",
      "ss.external_id as session_external_id",
      "au.name as answered_by_name",
    ])
    .where("a.org_id", "=", orgId);
}
export type ApprovalRow = Awaited<ReturnType<ReturnType<typeof approvalQuery>["executeTakeFirstOrThrow"]>>;

export function presentApproval(row: ApprovalRow): AgentApproval {
  return {
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    sessionId: row.session_external_id,
    decisionId: row.decision_id,
    call: { kind: row.action_kind as ActionKind, name: row.action_name, arguments: row.arguments },
    rule: row.rule,
    reason: row.reason,
    requester: row.requester,
    requirement: requirementOf(row.requirement),
    status: row.status as AgentApprovalStatus,
    approvals: row.approvals,
    answeredBy:
      row.answered_by_member_id && row.answered_by_name
        ? { memberId: row.answered_by_member_id, name: row.answered_by_name }
        : null,
    answerReason: row.answer_reason,
    answeredAt: row.answered_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** One approval of the organisation; 404 otherwise. */
export async function loadApproval(
  db: Kysely<Database>,
  orgId: string,
  approvalId: string,
  forUpdate = false,
): Promise<ApprovalRow> {
  if (!isUuid(approvalId)) throw notFound("Agent approval", approvalId);
  let query = approvalQuery(db, orgId).where("a.id", "=", approvalId.toLowerCase());
  if (forUpdate) query = query.forUpdate(["a"]);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Agent approval", approvalId);
  return row;
}

/** Columns of a decision with its session and approval. */
export function decisionQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("agent_decisions as d")
    .leftJoin("agent_sessions as ss", "ss.id", "d.session_id")
    .leftJoin("agent_approvals as ap", "ap.id", "d.approval_id")
    .select([
      "d.id",
      "d.system_id",
      "d.origin",
      "d.decided_at",
      "d.action_kind",
      "d.action_name",
      "d.arguments",
      "d.arguments_sha256",
      "d.outcome",
      "d.rule",
      "d.reason",
      "d.policy_version_id",
      "d.policy_sha256",
      "d.approval_id",
      "d.final_outcome",
      "d.duration_us",
      "d.client_decision_id",
      "ss.external_id as session_external_id",
      "ss.requester as session_requester",
      "ap.ref as approval_ref",
      "ap.status as approval_status",
    ])
    .where("d.org_id", "=", orgId);
}
export type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionQuery>["executeTakeFirstOrThrow"]>>;

export function presentDecision(row: DecisionRow): AgentDecision {
  return {
    id: row.id,
    sessionId: row.session_external_id,
    requester: row.session_requester || null,
    origin: row.origin as DecisionOrigin,
    decidedAt: row.decided_at.toISOString(),
    call: { kind: row.action_kind as ActionKind, name: row.action_name, arguments: row.arguments },
    argumentsSha256: row.arguments_sha256,
    outcome: row.outcome as DecisionOutcome,
    rule: row.rule,
    reason: row.reason,
    policyVersionId: row.policy_version_id,
    policySha256: row.policy_sha256,
    approval:
      row.approval_id && row.approval_ref && row.approval_status
        ? { id: row.approval_id, ref: row.approval_ref, status: row.approval_status as AgentApprovalStatus }
        : null,
    finalOutcome: (row.final_outcome as AgentFinalOutcome | null) ?? null,
    durationUs: row.duration_us,
    clientDecisionId: row.client_decision_id,
  };
}
