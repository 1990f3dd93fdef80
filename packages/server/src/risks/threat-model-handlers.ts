import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { findThreat, levelFromFivePointScale, suggestThreats } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { invalidBody } from "./field-errors.js";
import { insertRisk } from "./insert-risk.js";
import { loadRiskMethod } from "./risk-method-queries.js";
import { checkMember } from "./risk-references.js";
import {
  findSystem,
  lockProposal,
  presentProposal,
  proposalQuery,
  threatProfileOf,
} from "./threat-proposal-queries.js";

/** Proposals in threat-id order, which is stable across runs. */
export const listThreatProposals: Handler<Routes["listThreatProposals"]> = async ({ tx, org, input }) => {
  const { systemId } = input.params;
  await findSystem(tx, org.orgId, systemId);
  const sort = keysetSort("threatId", { threatId: "p.threat_id" }, "p.id");
  const cursor = parseCursor(input.query.cursor);
  let query = proposalQuery(tx, org.orgId).where("p.system_id", "=", systemId);
  if (input.query.status !== "all") query = query.where("p.status", "=", input.query.status);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("p.threat_id", "asc")
    .orderBy("p.id", "asc")
    .limit(input.query.limit + 1)
    .execute();
  return pageOf(rows, input.query.limit, (row) => ({ k: row.threat_id, id: row.id }), presentProposal);
};

/**
 * Runs the threat library's suggestions against the system's profile and stores each new one as a
 * proposal. A threat already proposed for the system — waiting, accepted or dismissed — is skipped:
 * the unique key (system, threat) makes re-running safe even when two runs overlap.
 */
export const proposeThreats: Handler<Routes["proposeThreats"]> = async ({ tx, org, input, audit }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId);
  if (system.archived_at)
    throw new AppError("illegal_transition", `AI system '${system.name}' is archived; threat modelling is closed.`);
  const suggestions = suggestThreats(threatProfileOf(system));
  const createdIds: string[] = [];
  for (const suggestion of suggestions) {
    const inserted = await tx
      .insertInto("threat_proposals")
      .values({
        id: randomUUID(),
        org_id: org.orgId,
        system_id: system.id,
        threat_id: suggestion.threatId,
        reason: suggestion.reason,
        status: "proposed",
      })
      .onConflict((oc) => oc.columns(["org_id", "system_id", "threat_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) createdIds.push(inserted.id);
  }
  const created =
    createdIds.length === 0
      ? []
      : await proposalQuery(tx, org.orgId).where("p.id", "in", createdIds).orderBy("p.threat_id").execute();
  if (created.length > 0) {
    await audit({
      action: "threat_model.proposed",
      entityType: "ai_system",
      entityId: system.id,
      changes: { proposedThreats: { before: null, after: created.map((row) => row.threat_id) } },
    });
  }
  return { created: created.map(presentProposal), skipped: suggestions.length - created.length };
};

async function lockOpenProposal(
  tx: Parameters<typeof lockProposal>[0],
  orgId: string,
  proposalId: string,
  version: number,
) {
  const proposal = await lockProposal(tx, orgId, proposalId);
  if (proposal.status !== "proposed")
    throw new AppError("illegal_transition", `This proposal has already been ${proposal.status}.`);
  if (proposal.version !== version) throw staleVersion("threat proposal", proposal.version, version);
  return proposal;
}

/** Creates a risk from the library entry: its title, description, Annex C sources and default levels. */
export const acceptThreatProposal: Handler<Routes["acceptThreatProposal"]> = async ({ tx, org, input, audit }) => {
  const proposal = await lockOpenProposal(tx, org.orgId, input.params.proposalId, input.body.version);
  const system = await findSystem(tx, org.orgId, proposal.system_id);
  if (system.archived_at)
    throw new AppError("illegal_transition", `AI system '${system.name}' is archived; it takes no new risks.`);
  const threat = findThreat(proposal.threat_id);
  if (!threat)
    throw new AppError("illegal_transition", `Threat '${proposal.threat_id}' is no longer in the library; dismiss it.`);
  let owner = input.body.ownerMemberId ?? null;
  if (owner) {
    const problem = await checkMember(tx, org.orgId, owner);
    if (problem) throw invalidBody([{ field: "ownerMemberId", message: problem }]);
  } else if (input.body.ownerMemberId === undefined && system.owner_member_id) {
    owner = (await checkMember(tx, org.orgId, system.owner_member_id)) ? null : system.owner_member_id;
  }
  const { method } = await loadRiskMethod(tx, org.orgId);
  const risk = await insertRisk(
    tx,
    org.orgId,
    method,
    {
      title: threat.title,
      description: threat.description,
      systemId: system.id,
      threatId: threat.id,
      riskSources: threat.annexCRiskSources,
      ownerMemberId: owner,
      levels: {
        inherentLikelihood: levelFromFivePointScale(threat.defaultLikelihood, method.likelihoodLevels.length),
        inherentImpact: levelFromFivePointScale(threat.defaultImpact, method.impactLevels.length),
        residualLikelihood: null,
        residualImpact: null,
      },
      treatmentOption: null,
      reviewDate: null,
    },
    audit,
  );
  await tx
    .updateTable("threat_proposals")
    .set({ status: "accepted", risk_id: risk.id, version: proposal.version + 1, updated_at: new Date() })
    .where("id", "=", proposal.id)
    .execute();
  await audit({
    action: "threat_proposal.accepted",
    entityType: "threat_proposal",
    entityId: proposal.id,
    changes: { status: { before: "proposed", after: "accepted" }, riskId: { before: null, after: risk.id } },
  });
  const row = await proposalQuery(tx, org.orgId).where("p.id", "=", proposal.id).executeTakeFirstOrThrow();
  return { proposal: presentProposal(row), riskId: risk.id };
};

export const dismissThreatProposal: Handler<Routes["dismissThreatProposal"]> = async ({ tx, org, input, audit }) => {
  const proposal = await lockOpenProposal(tx, org.orgId, input.params.proposalId, input.body.version);
  await tx
    .updateTable("threat_proposals")
    .set({
      status: "dismissed",
      dismissal_reason: input.body.reason,
      version: proposal.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", proposal.id)
    .execute();
  await audit({
    action: "threat_proposal.dismissed",
    entityType: "threat_proposal",
    entityId: proposal.id,
    changes: {
      status: { before: "proposed", after: "dismissed" },
      dismissalReason: { before: null, after: input.body.reason },
    },
  });
  return presentProposal(await proposalQuery(tx, org.orgId).where("p.id", "=", proposal.id).executeTakeFirstOrThrow());
};
