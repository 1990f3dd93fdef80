import { randomUUID } from "node:crypto";
import type { CurrentAiPolicy, MyPolicyAcknowledgement, Role, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { cursorValue, pageOf, parseCursor } from "../http/keyset.js";
import { type ApprovedAiPolicy, approvedAiPolicyAt } from "./approved-ai-policy.js";

function presentPolicy(policy: ApprovedAiPolicy): CurrentAiPolicy {
  return { ...policy, approvedAt: policy.approvedAt.toISOString() };
}

async function myStanding(db: Kysely<Database>, orgId: string, memberId: string): Promise<MyPolicyAcknowledgement> {
  const policy = await approvedAiPolicyAt(db, orgId, new Date());
  if (!policy) return { policy: null, acknowledgedAt: null, needsAcknowledgement: false };
  const ack = await db
    .selectFrom("policy_acknowledgements")
    .select("acknowledged_at")
    .where("org_id", "=", orgId)
    .where("member_id", "=", memberId)
    .where("document_version_id", "=", policy.versionId)
    .executeTakeFirst();
  return {
    policy: presentPolicy(policy),
    acknowledgedAt: ack?.acknowledged_at.toISOString() ?? null,
    needsAcknowledgement: !ack,
  };
}

/** Whether the caller still needs to acknowledge the AI policy in force. */
export const getMyPolicyAcknowledgement: Handler<Routes["getMyPolicyAcknowledgement"]> = async ({ tx, org }) =>
  myStanding(tx, org.orgId, org.membershipId);

/**
 * The caller acknowledges the AI policy version in force. Naming any other version is refused (409),
 * so nobody acknowledges a text that has been replaced; acknowledging twice keeps the first time.
 */
export const acknowledgePolicy: Handler<Routes["acknowledgePolicy"]> = async ({ tx, org, input, audit }) => {
  const { versionId } = input.body;
  const version = await tx
    .selectFrom("document_versions as v")
    .innerJoin("documents as d", "d.id", "v.document_id")
    .select(["v.id", "v.number", "d.ref", "d.kind"])
    .where("v.org_id", "=", org.orgId)
    .where("v.id", "=", versionId)
    .executeTakeFirst();
  if (!version) throw notFound("Document version", versionId);
  const policy = await approvedAiPolicyAt(tx, org.orgId, new Date());
  if (!policy) throw new AppError("conflict", "This organisation has no approved AI policy to acknowledge yet.");
  if (policy.versionId !== versionId)
    throw new AppError(
      "conflict",
      `Version ${version.number} of ${version.ref} is not the AI policy in force; read version ${policy.versionNumber} of ${policy.ref} and acknowledge that one.`,
      { currentVersionId: policy.versionId },
    );
  const id = randomUUID();
  const inserted = await tx
    .insertInto("policy_acknowledgements")
    .values({
      id,
      org_id: org.orgId,
      member_id: org.membershipId,
      document_id: policy.documentId,
      document_version_id: policy.versionId,
    })
    .onConflict((oc) => oc.columns(["member_id", "document_version_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted)
    await audit({
      action: "policy.acknowledged",
      entityType: "policy_acknowledgement",
      entityId: id,
      changes: {
        documentId: { before: null, after: policy.documentId },
        versionId: { before: null, after: policy.versionId },
        versionNumber: { before: null, after: policy.versionNumber },
        memberId: { before: null, after: org.membershipId },
      },
    });
  return myStanding(tx, org.orgId, org.membershipId);
};

/** Every active member, by name, with when they acknowledged the version in force (or not yet). */
export const listPolicyAcknowledgements: Handler<Routes["listPolicyAcknowledgements"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, acknowledged } = input.query;
  const cursor = parseCursor(rawCursor);
  const policy = await approvedAiPolicyAt(tx, org.orgId, new Date());
  const versionId = policy?.versionId ?? null;
  const members = tx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("policy_acknowledgements as pa", (join) =>
      join
        .onRef("pa.member_id", "=", "m.id")
        .on("pa.org_id", "=", org.orgId)
        // No policy in force: nobody has acknowledged anything.
        .on(sql<boolean>`pa.document_version_id = ${versionId}::uuid`),
    )
    .where("m.org_id", "=", org.orgId)
    .where("m.archived_at", "is", null);
  const counts = await members
    .select((eb) => [eb.fn.countAll<string>().as("total"), eb.fn.count<string>("pa.id").as("acknowledged")])
    .executeTakeFirstOrThrow();
  let query = members.select(["m.id", "m.role", "u.name", "u.email", "pa.acknowledged_at"]);
  if (acknowledged === "yes") query = query.where("pa.id", "is not", null);
  if (acknowledged === "no") query = query.where("pa.id", "is", null);
  if (cursor)
    query = query.where((eb) =>
      eb.or([
        eb("u.name", ">", String(cursor.k)),
        eb.and([eb("u.name", "=", String(cursor.k)), eb("m.id", ">", String(cursor.id))]),
      ]),
    );
  const rows = await query
    .orderBy("u.name")
    .orderBy("m.id")
    .limit(limit + 1)
    .execute();
  const page = pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.name), id: row.id }),
    (row) => ({
      member: { id: row.id, name: row.name, email: row.email, role: row.role as Role },
      acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    }),
  );
  return {
    policy: policy ? presentPolicy(policy) : null,
    acknowledgedCount: policy ? Number(counts.acknowledged) : 0,
    memberCount: Number(counts.total),
    ...page,
  };
};
