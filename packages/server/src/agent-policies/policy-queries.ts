import type { AgentPolicy, AgentPolicyStatus, AgentPolicyVersion, PolicyProblem } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { loadMemberNames } from "../documents/document-queries.js";
import { notFound } from "../http/app-error.js";

export type PolicyRow = Selectable<Database["agent_policies"]>;
export type PolicyVersionRow = Selectable<Database["agent_policy_versions"]>;

/** A live policy of this organisation, locked for the transaction when `forUpdate`; 404 otherwise. */
export async function findPolicy(
  db: Kysely<Database>,
  orgId: string,
  policyId: string,
  forUpdate = false,
): Promise<PolicyRow> {
  let query = db
    .selectFrom("agent_policies")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", policyId)
    .where("archived_at", "is", null);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Agent policy", policyId);
  return row;
}

/** A version of one policy of this organisation; 404 when it belongs to another policy or organisation. */
export async function findPolicyVersion(
  db: Kysely<Database>,
  orgId: string,
  policyId: string,
  versionId: string,
  forUpdate = false,
): Promise<PolicyVersionRow> {
  let query = db
    .selectFrom("agent_policy_versions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("policy_id", "=", policyId)
    .where("id", "=", versionId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Agent policy version", versionId);
  return row;
}

/** Every version of a policy, newest first. */
export function listPolicyVersions(db: Kysely<Database>, orgId: string, policyId: string): Promise<PolicyVersionRow[]> {
  return db
    .selectFrom("agent_policy_versions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("policy_id", "=", policyId)
    .orderBy("number", "desc")
    .execute();
}

/** The live policy of an agent, or the organisation default when systemId is null. */
export function findPolicyFor(
  db: Kysely<Database>,
  orgId: string,
  systemId: string | null,
): Promise<PolicyRow | undefined> {
  return db
    .selectFrom("agent_policies")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .where("system_id", systemId === null ? "is" : "=", systemId)
    .executeTakeFirst();
}

/**
 * Policy status of each live policy (agents' and the default's under the key "default"): which
 * version is approved, how many drafts wait.
 */
export async function loadPolicyStatuses(db: Kysely<Database>, orgId: string): Promise<Map<string, AgentPolicyStatus>> {
  const rows = await db
    .selectFrom("agent_policies as policy")
    .leftJoin("agent_policy_versions as approved", "approved.id", "policy.approved_version_id")
    .select((eb) => [
      "policy.id",
      "policy.ref",
      "policy.system_id",
      "policy.approved_version_id",
      "approved.number as approved_number",
      eb
        .selectFrom("agent_policy_versions as draft")
        .select((inner) => inner.fn.countAll<string>().as("count"))
        .whereRef("draft.policy_id", "=", "policy.id")
        .where("draft.status", "=", "draft")
        .as("drafts"),
    ])
    .where("policy.org_id", "=", orgId)
    .where("policy.archived_at", "is", null)
    .execute();
  const statuses = new Map<string, AgentPolicyStatus>();
  for (const row of rows) {
    statuses.set(row.system_id ?? "default", {
      policyId: row.id,
      ref: row.ref,
      approvedVersionId: row.approved_version_id,
      approvedVersionNumber: row.approved_number ?? null,
      drafts: Number(row.drafts ?? 0),
    });
  }
  return statuses;
}

export const NO_POLICY_STATUS: AgentPolicyStatus = {
  policyId: null,
  ref: null,
  approvedVersionId: null,
  approvedVersionNumber: null,
  drafts: 0,
};

/** A policy as the API shows it. */
export async function presentPolicy(db: Kysely<Database>, row: PolicyRow): Promise<AgentPolicy> {
  const [system, approved] = await Promise.all([
    row.system_id
      ? db.selectFrom("ai_systems").select("name").where("id", "=", row.system_id).executeTakeFirst()
      : undefined,
    row.approved_version_id
      ? db
          .selectFrom("agent_policy_versions")
          .select("number")
          .where("id", "=", row.approved_version_id)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    id: row.id,
    ref: row.ref,
    systemId: row.system_id,
    systemName: system?.name ?? null,
    title: row.title,
    approvedVersionId: row.approved_version_id,
    approvedVersionNumber: approved?.number ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Versions as the API shows them, with the names of their authors and approvers. */
export async function presentVersions(
  db: Kysely<Database>,
  orgId: string,
  rows: PolicyVersionRow[],
  problemsOf: (row: PolicyVersionRow) => PolicyProblem[],
): Promise<AgentPolicyVersion[]> {
  const names = await loadMemberNames(
    db,
    orgId,
    rows.flatMap((row) => [row.created_by_member_id, row.approved_by_member_id]),
  );
  const person = (id: string | null) => (id ? { memberId: id, name: names.get(id) ?? "Former member" } : null);
  return rows.map((row) => ({
    id: row.id,
    policyId: row.policy_id,
    number: row.number,
    status: row.status as AgentPolicyVersion["status"],
    source: row.source,
    document: row.document,
    documentSha256: row.document_sha256,
    changeNote: row.change_note,
    createdBy: person(row.created_by_member_id),
    approvedBy: person(row.approved_by_member_id),
    approvedAt: row.approved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    problems: problemsOf(row),
  }));
}
