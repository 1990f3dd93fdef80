import {
  type SystemThreatProfile,
  systemThreatProfileSchema,
  type ThreatProposal,
  type ThreatProposalStatus,
} from "@openaims/contracts";
import { findThreat } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { AppError, notFound } from "../http/app-error.js";

export type AiSystemRow = Selectable<Database["ai_systems"]>;

/** Proposals with the reference of the risk each accepted one created. */
export function proposalQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("threat_proposals as p")
    .leftJoin("risks", "risks.id", "p.risk_id")
    .selectAll("p")
    .select("risks.ref as risk_ref")
    .where("p.org_id", "=", orgId);
}

export type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalQuery>["executeTakeFirstOrThrow"]>>;

export function presentProposal(row: ProposalRow): ThreatProposal {
  return {
    id: row.id,
    systemId: row.system_id,
    threatId: row.threat_id,
    threatTitle: findThreat(row.threat_id)?.title ?? row.threat_id,
    reason: row.reason,
    status: row.status as ThreatProposalStatus,
    dismissalReason: row.dismissal_reason,
    risk: row.risk_id ? { id: row.risk_id, ref: row.risk_ref ?? "" } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** An AI system of this organisation; 404 naming the id otherwise. */
export async function findSystem(db: Kysely<Database>, orgId: string, systemId: string): Promise<AiSystemRow> {
  const row = await db
    .selectFrom("ai_systems")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", systemId)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", systemId);
  return row;
}

/** The attributes threat modelling reads, from the system's inventory record. */
export function threatProfileOf(system: AiSystemRow): SystemThreatProfile {
  const parsed = systemThreatProfileSchema.safeParse({
    ourRole: system.our_role,
    impactTier: system.impact_tier,
    dataCategories: system.data_categories,
    capabilities: system.capabilities,
    autonomy: system.autonomy,
    customerFacing: system.customer_facing,
  });
  if (!parsed.success)
    throw new AppError(
      "conflict",
      `AI system '${system.name}' has attributes threat modelling cannot read; review its inventory record.`,
    );
  return parsed.data;
}

/** A proposal row locked for a decision; 404 naming the id when it is not in this organisation. */
export async function lockProposal(tx: Kysely<Database>, orgId: string, proposalId: string) {
  const row = await tx
    .selectFrom("threat_proposals")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", proposalId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Threat proposal", proposalId);
  return row;
}
