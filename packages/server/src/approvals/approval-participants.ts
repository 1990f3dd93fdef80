import type { ApprovalKind } from "@openaims/contracts";
import type { ApprovalParticipant } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { invalidField } from "../http/invalid-fields.js";

/** Who took part in a record awaiting approval, and how the refusal names the record. */
export interface ApprovalParticipants {
  /** The record as a refusal names it: "version 2 of DOC-3", "IA-4", "risk R-12". */
  subject: string;
  /** "approve", or "accept" for a risk. */
  act: "approve" | "accept";
  /** In the order a refusal should mention them (submitting is the act closest to approval). */
  participants: ApprovalParticipant[];
}

/**
 * Reads, from what each record stores, the people who may not approve it:
 *
 * - a document version: the member who submitted it and the member who created it;
 * - an impact assessment revision: the person who submitted it and the person who started it;
 * - the Statement of Applicability: every person who changed a control record (applicability,
 *   justification, implementation, risk links, new or archived controls) since the last approved
 *   version, or ever before the first — the SoA is derived from those records, so they are its
 *   authors; the audit trail is the only place that names them, and it is written with each change;
 * - a risk acceptance: the risk's owner, who should not sign off their own risk;
 * - a change to an AI system: the member who requested it;
 * - a gate override: the member who wrote it (asked for it with a reason);
 * - a nonconformity's effectiveness check, which closes or reopens it: the member who raised it.
 * - an agent action policy version: the member who wrote it.
 *
 * A record of another organisation is not found.
 */
export async function loadApprovalParticipants(
  db: Kysely<Database>,
  orgId: string,
  kind: ApprovalKind,
  id: string | undefined,
): Promise<ApprovalParticipants> {
  if (kind === "soa") return soaParticipants(db, orgId);
  if (!id) throw invalidField("query.id", "is required for this kind of approval", "Record");
  if (kind === "document_version") return documentVersionParticipants(db, orgId, id);
  if (kind === "impact_assessment") return impactAssessmentParticipants(db, orgId, id);
  if (kind === "change") return changeParticipants(db, orgId, id);
  if (kind === "gate_override") return gateOverrideParticipants(db, orgId, id);
  if (kind === "nonconformity_check") return nonconformityParticipants(db, orgId, id);
  if (kind === "agent_policy_version") return agentPolicyVersionParticipants(db, orgId, id);
  return riskParticipants(db, orgId, id);
}

async function documentVersionParticipants(db: Kysely<Database>, orgId: string, versionId: string) {
  const row = await db
    .selectFrom("document_versions")
    .innerJoin("documents", "documents.id", "document_versions.document_id")
    .select([
      "document_versions.number",
      "document_versions.created_by_member_id",
      "document_versions.submitted_by_member_id",
      "documents.ref",
    ])
    .where("document_versions.org_id", "=", orgId)
    .where("document_versions.id", "=", versionId)
    .executeTakeFirst();
  if (!row) throw notFound("Document version", versionId);
  return {
    subject: `version ${row.number} of ${row.ref}`,
    act: "approve" as const,
    participants: [
      { involvement: "submitted" as const, memberId: row.submitted_by_member_id },
      { involvement: "wrote" as const, memberId: row.created_by_member_id },
    ],
  };
}

async function impactAssessmentParticipants(db: Kysely<Database>, orgId: string, assessmentId: string) {
  const row = await db
    .selectFrom("impact_assessments")
    .select(["ref", "created_by", "submitted_by"])
    .where("org_id", "=", orgId)
    .where("id", "=", assessmentId)
    .executeTakeFirst();
  if (!row) throw notFound("Impact assessment", assessmentId);
  return {
    subject: row.ref,
    act: "approve" as const,
    participants: [
      { involvement: "submitted" as const, userId: row.submitted_by },
      { involvement: "wrote" as const, userId: row.created_by },
    ],
  };
}

async function soaParticipants(db: Kysely<Database>, orgId: string) {
  const last = await db
    .selectFrom("soa_versions")
    .select("approved_at")
    .where("org_id", "=", orgId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  let query = db
    .selectFrom("audit_entries")
    .select("actor_id")
    .distinct()
    .where("org_id", "=", orgId)
    .where("entity_type", "=", "control")
    .where("actor_type", "in", ["user", "token"])
    // Seeding at creation is the product's Annex A list, not anyone's statement about it.
    .where("action", "!=", "controls.seeded");
  if (last) query = query.where("at", ">", last.approved_at);
  const rows = await query.execute();
  return {
    subject: last ? "the Statement of Applicability since its last approval" : "the Statement of Applicability",
    act: "approve" as const,
    participants: rows.map((row) => ({ involvement: "changed" as const, userId: row.actor_id })),
  };
}

async function riskParticipants(db: Kysely<Database>, orgId: string, riskId: string) {
  const row = await db
    .selectFrom("risks")
    .select(["ref", "owner_member_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", riskId)
    .executeTakeFirst();
  if (!row) throw notFound("Risk", riskId);
  return {
    subject: `risk ${row.ref}`,
    act: "accept" as const,
    participants: [{ involvement: "owns" as const, memberId: row.owner_member_id }],
  };
}

async function changeParticipants(db: Kysely<Database>, orgId: string, changeId: string) {
  const row = await db
    .selectFrom("system_changes")
    .select(["ref", "requested_by_member_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", changeId)
    .executeTakeFirst();
  if (!row) throw notFound("Change", changeId);
  return {
    subject: `change ${row.ref}`,
    act: "approve" as const,
    participants: [{ involvement: "submitted" as const, memberId: row.requested_by_member_id }],
  };
}

async function gateOverrideParticipants(db: Kysely<Database>, orgId: string, overrideId: string) {
  const row = await db
    .selectFrom("gate_overrides")
    .select(["ref", "requested_by_member_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", overrideId)
    .executeTakeFirst();
  if (!row) throw notFound("Gate override", overrideId);
  return {
    subject: `gate override ${row.ref}`,
    act: "approve" as const,
    participants: [{ involvement: "wrote" as const, memberId: row.requested_by_member_id }],
  };
}

async function nonconformityParticipants(db: Kysely<Database>, orgId: string, nonconformityId: string) {
  const row = await db
    .selectFrom("nonconformities")
    .select(["ref", "raised_by_member_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", nonconformityId)
    .executeTakeFirst();
  if (!row) throw notFound("Nonconformity", nonconformityId);
  return {
    subject: `nonconformity ${row.ref}`,
    act: "approve" as const,
    participants: [{ involvement: "wrote" as const, memberId: row.raised_by_member_id }],
  };
}

async function agentPolicyVersionParticipants(db: Kysely<Database>, orgId: string, versionId: string) {
  const row = await db
    .selectFrom("agent_policy_versions as version")
    .innerJoin("agent_policies as policy", "policy.id", "version.policy_id")
    .select(["version.number", "version.created_by_member_id", "policy.ref"])
    .where("version.org_id", "=", orgId)
    .where("version.id", "=", versionId)
    .executeTakeFirst();
  if (!row) throw notFound("Agent policy version", versionId);
  return {
    subject: `version ${row.number} of ${row.ref}`,
    act: "approve" as const,
    participants: [{ involvement: "wrote" as const, memberId: row.created_by_member_id }],
  };
}
