import { randomUUID } from "node:crypto";
import type { PolicyProblem, Routes } from "@openaims/contracts";
import { refuseSelfApproval } from "../approvals/segregation-of-duties.js";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findAgentSystem } from "./agent-queries.js";
import { checkPolicySource, loadToolScope, type PolicyCheck, problemsInWords } from "./policy-check.js";
import {
  findPolicy,
  findPolicyVersion,
  type PolicyRow,
  type PolicyVersionRow,
  presentVersions,
} from "./policy-queries.js";
import { recordPolicyEvidence } from "./record-policy-evidence.js";

export const validateAgentPolicy: Handler<Routes["validateAgentPolicy"]> = async ({ tx, org, input }) => {
  const { source, systemId } = input.body;
  if (systemId !== null) await findAgentSystem(tx, org.orgId, systemId);
  const check = checkPolicySource(source, await loadToolScope(tx, org.orgId, systemId));
  return { ok: check.errors.length === 0, errors: check.errors, warnings: check.warnings };
};

export const createAgentPolicyVersion: Handler<Routes["createAgentPolicyVersion"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const policy = await findPolicy(tx, org.orgId, input.params.policyId, true);
  const { source, changeNote } = input.body;
  const check = await checkFor(tx, org.orgId, policy, source);
  const last = await tx
    .selectFrom("agent_policy_versions")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("policy_id", "=", policy.id)
    .executeTakeFirst();
  const id = randomUUID();
  const number = (last?.number ?? 0) + 1;
  await tx
    .insertInto("agent_policy_versions")
    .values({
      id,
      org_id: org.orgId,
      policy_id: policy.id,
      number,
      status: "draft",
      source,
      document: JSON.stringify(check.document ?? {}),
      document_sha256: check.sha256,
      change_note: changeNote,
      created_by_member_id: org.membershipId,
    })
    .execute();
  await audit({
    action: "agent_policy_version.created",
    entityType: "agent_policy_version",
    entityId: id,
    changes: {
      policy: { before: null, after: policy.ref },
      number: { before: null, after: number },
      documentSha256: { before: null, after: check.sha256 },
    },
  });
  return presentOne(tx, org.orgId, await findPolicyVersion(tx, org.orgId, policy.id, id), check.errors);
};

export const updateAgentPolicyVersion: Handler<Routes["updateAgentPolicyVersion"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { policy, row } = await openDraft(tx, org.orgId, input.params, input.body.version, "edited");
  const source = input.body.source ?? row.source;
  const changeNote = input.body.changeNote ?? row.change_note;
  const check = await checkFor(tx, org.orgId, policy, source);
  await tx
    .updateTable("agent_policy_versions")
    .set({
      source,
      change_note: changeNote,
      document: JSON.stringify(check.document ?? {}),
      document_sha256: check.sha256,
      updated_at: new Date(),
      version: row.version + 1,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "agent_policy_version.edited",
    entityType: "agent_policy_version",
    entityId: row.id,
    changes: {
      ...(row.document_sha256 !== check.sha256
        ? { documentSha256: { before: row.document_sha256, after: check.sha256 } }
        : {}),
      ...(row.source !== source ? { sourceChars: { before: row.source.length, after: source.length } } : {}),
      ...(row.change_note !== changeNote ? { changeNote: { before: row.change_note, after: changeNote } } : {}),
    },
  });
  return presentOne(tx, org.orgId, await findPolicyVersion(tx, org.orgId, policy.id, row.id), check.errors);
};

export const approveAgentPolicyVersion: Handler<Routes["approveAgentPolicyVersion"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
}) => {
  const { policy, row } = await openDraft(tx, org.orgId, input.params, input.body.version, "approved");
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "agent_policy_version", id: row.id },
  );
  const check = await checkFor(tx, org.orgId, policy, row.source);
  if (check.errors.length > 0 || !check.compiled?.ok) throw cannotApprove(check.errors);
  const now = new Date();
  const previous = policy.approved_version_id;
  if (previous) {
    await tx
      .updateTable("agent_policy_versions")
      .set((eb) => ({ status: "superseded", updated_at: now, version: eb("version", "+", 1) }))
      .where("id", "=", previous)
      .where("org_id", "=", org.orgId)
      .execute();
    await audit({
      action: "agent_policy_version.superseded",
      entityType: "agent_policy_version",
      entityId: previous,
      changes: { status: { before: "approved", after: "superseded" }, supersededBy: { before: null, after: row.id } },
    });
  }
  await tx
    .updateTable("agent_policy_versions")
    .set({
      status: "approved",
      document: JSON.stringify(check.document),
      document_sha256: check.sha256,
      approved_by_member_id: org.membershipId,
      approved_at: now,
      updated_at: now,
      version: row.version + 1,
    })
    .where("id", "=", row.id)
    .execute();
  await tx
    .updateTable("agent_policies")
    .set({ approved_version_id: row.id, updated_at: now, version: policy.version + 1 })
    .where("id", "=", policy.id)
    .execute();
  await audit({
    action: "agent_policy_version.approved",
    entityType: "agent_policy_version",
    entityId: row.id,
    changes: {
      status: { before: "draft", after: "approved" },
      policy: { before: null, after: policy.ref },
      documentSha256: { before: null, after: check.sha256 },
    },
  });
  await audit({
    action: "agent_policy.approved_version_changed",
    entityType: "agent_policy",
    entityId: policy.id,
    changes: { approvedVersionId: { before: previous, after: row.id } },
  });
  const system = policy.system_id
    ? await tx.selectFrom("ai_systems").select("name").where("id", "=", policy.system_id).executeTakeFirst()
    : undefined;
  const approved = await findPolicyVersion(tx, org.orgId, policy.id, row.id);
  await recordPolicyEvidence(
    tx,
    org.orgId,
    { policy, version: approved, approverMemberId: org.membershipId, systemName: system?.name ?? null },
    audit,
  );
  return presentOne(tx, org.orgId, approved, []);
};

export const withdrawAgentPolicyVersion: Handler<Routes["withdrawAgentPolicyVersion"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { policy, row } = await openDraft(tx, org.orgId, input.params, input.body.version, "withdrawn");
  await tx
    .updateTable("agent_policy_versions")
    .set({ status: "withdrawn", updated_at: new Date(), version: row.version + 1 })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "agent_policy_version.withdrawn",
    entityType: "agent_policy_version",
    entityId: row.id,
    changes: { status: { before: "draft", after: "withdrawn" } },
  });
  return presentOne(tx, org.orgId, await findPolicyVersion(tx, org.orgId, policy.id, row.id), []);
};

async function checkFor(
  tx: Parameters<typeof loadToolScope>[0],
  orgId: string,
  policy: PolicyRow,
  source: string,
): Promise<PolicyCheck> {
  return checkPolicySource(source, await loadToolScope(tx, orgId, policy.system_id));
}

/** The policy and its version, both locked, or 409 unless the version is a draft at the version the caller read. */
async function openDraft(
  tx: Parameters<typeof findPolicy>[0],
  orgId: string,
  params: { policyId: string; versionId: string },
  sent: number,
  act: string,
): Promise<{ policy: PolicyRow; row: PolicyVersionRow }> {
  const policy = await findPolicy(tx, orgId, params.policyId, true);
  const row = await findPolicyVersion(tx, orgId, policy.id, params.versionId, true);
  requireDraft(row, sent, act);
  return { policy, row };
}

/** 409 unless the version is a draft at the version the caller read. */
function requireDraft(row: PolicyVersionRow, sent: number, act: string): void {
  if (row.status !== "draft") {
    throw new AppError(
      "illegal_transition",
      `Version ${row.number} is ${row.status}; only a draft can be ${act}. Add a new version instead.`,
    );
  }
  if (row.version !== sent) throw staleVersion("policy version", row.version, sent);
}

/** The 400 of an approval refused for mistakes in the policy, each named by its path. */
function cannotApprove(errors: PolicyProblem[]): AppError {
  const listed = errors.length > 0 ? errors : [{ path: "source", message: "does not compile" }];
  const fields = listed.map((error) => ({
    field: `source.${error.path || "source"}`.replace(/^source\.source$/, "source"),
    label: "Policy",
    message: `${error.path || "source"}: ${error.message}`,
  }));
  return new AppError(
    "validation_failed",
    `This version cannot be approved. source: ${problemsInWords(listed.slice(0, 5))}${listed.length > 5 ? `; and ${listed.length - 5} more` : ""}.`,
    { fields, problems: listed },
  );
}

async function presentOne(
  tx: Parameters<typeof loadToolScope>[0],
  orgId: string,
  row: PolicyVersionRow,
  problems: PolicyProblem[],
) {
  const [presented] = await presentVersions(tx, orgId, [row], () => problems);
  if (!presented) throw new Error("presentVersions returned nothing");
  return presented;
}
