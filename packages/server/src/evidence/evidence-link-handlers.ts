import type { EvidenceTargets, EvidenceTargetType, Routes } from "@openaims/contracts";
import { type AuditChanges, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { type EvidenceRow, findActiveLinks, findEvidence } from "./evidence-queries.js";
import { validityFor } from "./evidence-validity-sync.js";
import { insertLinks, linkLabel } from "./insert-evidence.js";
import { loadEvidence, presentLink } from "./present-evidence.js";
import { resolveEvidenceTargets } from "./resolve-evidence-targets.js";

const listOf: Record<EvidenceTargetType, keyof EvidenceTargets> = {
  control: "controlIds",
  clause: "clauseIds",
  risk: "riskIds",
  system: "systemIds",
  asset: "assetIds",
};

/** After the links change: a new version, and the expiry derived again unless someone set it. */
async function touchEvidence(tx: Kysely<Database>, orgId: string, row: EvidenceRow): Promise<AuditChanges> {
  const validity = await validityFor(tx, orgId, {
    evidenceId: row.id,
    collectedAt: row.collected_at,
    explicitValidUntil: row.validity_basis === "explicit" ? row.valid_until : null,
  });
  await tx
    .updateTable("evidence")
    .set({
      valid_until: validity.validUntil,
      validity_basis: validity.basis,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", row.id)
    .execute();
  return diffChanges(
    { validUntil: row.valid_until?.toISOString() ?? null },
    { validUntil: validity.validUntil?.toISOString() ?? null },
  );
}

function assertActive(row: EvidenceRow): void {
  if (row.archived_at)
    throw new AppError("illegal_transition", `Evidence ${row.ref} is archived; its links are frozen.`);
}

export const linkEvidence: Handler<Routes["linkEvidence"]> = async ({ tx, org, input, audit }) => {
  const row = await findEvidence(tx, org.orgId, input.params.evidenceId, true);
  assertActive(row);
  const targets: EvidenceTargets = { controlIds: [], clauseIds: [], riskIds: [], systemIds: [], assetIds: [] };
  targets[listOf[input.body.targetType]] = [input.body.target];
  const [target] = await resolveEvidenceTargets(tx, org.orgId, targets, "body");
  if (!target) throw new Error("a resolved target was expected");
  const existing = (await findActiveLinks(tx, org.orgId, [row.id])).find(
    (link) =>
      link.target_type === target.targetType &&
      (target.targetId ? link.target_id === target.targetId : link.clause_id === target.clauseId),
  );
  if (existing) return presentLink(existing);
  const [linkId] = await insertLinks(tx, org.orgId, row.id, [target]);
  const validityChanges = await touchEvidence(tx, org.orgId, row);
  await audit({
    action: "evidence.linked",
    entityType: "evidence",
    entityId: row.id,
    changes: { link: { before: null, after: linkLabel(target) }, ...validityChanges },
  });
  const created = (await findActiveLinks(tx, org.orgId, [row.id])).find((link) => link.id === linkId);
  if (!created) throw new Error("the new link was not found");
  return presentLink(created);
};

export const unlinkEvidence: Handler<Routes["unlinkEvidence"]> = async ({ tx, org, input, audit }) => {
  const row = await findEvidence(tx, org.orgId, input.params.evidenceId, true);
  const link = (await findActiveLinks(tx, org.orgId, [row.id])).find((l) => l.id === input.params.linkId);
  if (!link) throw notFound("Evidence link", input.params.linkId);
  assertActive(row);
  const presented = presentLink(link);
  await tx
    .updateTable("evidence_links")
    .set({ archived_at: new Date(), archive_reason: input.body.reason || null })
    .where("id", "=", link.id)
    .execute();
  const validityChanges = await touchEvidence(tx, org.orgId, row);
  await audit({
    action: "evidence.unlinked",
    entityType: "evidence",
    entityId: row.id,
    changes: {
      link: { before: linkLabel(presented), after: null },
      ...validityChanges,
      ...(input.body.reason ? { unlinkReason: { before: null, after: input.body.reason } } : {}),
    },
  });
  return loadEvidence(tx, org.orgId, row.id);
};
