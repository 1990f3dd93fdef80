import { randomUUID } from "node:crypto";
import type { AgentPolicyDetail, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { nextRef } from "../records/next-ref.js";
import { AGENT_CAPABILITY } from "./agent-queries.js";
import { checkPolicySource, loadToolScope } from "./policy-check.js";
import {
  findPolicy,
  findPolicyFor,
  listPolicyVersions,
  type PolicyRow,
  presentPolicy,
  presentVersions,
} from "./policy-queries.js";

export const listAgentPolicies: Handler<Routes["listAgentPolicies"]> = async ({ tx, org, input }) => {
  let query = tx
    .selectFrom("agent_policies")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("archived_at", "is", null);
  if (input.query.systemId) query = query.where("system_id", "=", input.query.systemId);
  const rows = await query.orderBy("created_at").orderBy("id").limit(5_000).execute();
  return { items: await Promise.all(rows.map((row) => presentPolicy(tx, row))) };
};

export const createAgentPolicy: Handler<Routes["createAgentPolicy"]> = async ({ tx, org, input, audit }) => {
  const { systemId, title } = input.body;
  if (systemId !== null) await requireAgent(tx, org.orgId, systemId);
  const existing = await findPolicyFor(tx, org.orgId, systemId);
  if (existing) {
    throw new AppError(
      "conflict",
      `${systemId === null ? "The organisation default" : "This agent"} already has a policy (${existing.ref}); add a version to it.`,
      { policyId: existing.id },
    );
  }
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "agent_policy", "AGP");
  await tx
    .insertInto("agent_policies")
    .values({
      id,
      org_id: org.orgId,
      ref,
      system_id: systemId,
      title,
      approved_version_id: null,
      created_by_member_id: org.membershipId,
    })
    .execute();
  await audit({
    action: "agent_policy.created",
    entityType: "agent_policy",
    entityId: id,
    changes: {
      ref: { before: null, after: ref },
      systemId: { before: null, after: systemId },
      title: { before: null, after: title },
    },
  });
  return presentPolicyDetail(tx, org.orgId, await findPolicy(tx, org.orgId, id));
};

export const getAgentPolicy: Handler<Routes["getAgentPolicy"]> = async ({ tx, org, input }) =>
  presentPolicyDetail(tx, org.orgId, await findPolicy(tx, org.orgId, input.params.policyId));

/** A policy with every version, drafts carrying what keeps them from approval. */
export async function presentPolicyDetail(
  db: Kysely<Database>,
  orgId: string,
  policy: PolicyRow,
): Promise<AgentPolicyDetail> {
  const [presented, rows, scope] = await Promise.all([
    presentPolicy(db, policy),
    listPolicyVersions(db, orgId, policy.id),
    loadToolScope(db, orgId, policy.system_id),
  ]);
  const versions = await presentVersions(db, orgId, rows, (row) =>
    row.status === "draft" ? checkPolicySource(row.source, scope).errors : [],
  );
  return { ...presented, versions };
}

/** 400 naming body.systemId unless the system is an agent of this organisation (404 when it is not here). */
async function requireAgent(db: Kysely<Database>, orgId: string, systemId: string): Promise<void> {
  const row = await db
    .selectFrom("ai_systems")
    .select(["name", "capabilities", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", systemId)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", systemId);
  if (!row.capabilities.includes(AGENT_CAPABILITY)) {
    throw invalidField(
      "body.systemId",
      `is not an agent: add the capability "calls tools or takes actions" to ${row.name} first`,
      "AI system",
    );
  }
  if (row.archived_at) throw invalidField("body.systemId", `${row.name} is archived`, "AI system");
}
