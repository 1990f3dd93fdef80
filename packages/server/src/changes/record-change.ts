import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { suggestMaterial } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { nextRef } from "../records/next-ref.js";
import { requestRereviewOfSystemRisks } from "../risks/index.js";
import { loadChangeDetail } from "./change-queries.js";
import { markSystemMateriallyChanged } from "./mark-system-materially-changed.js";

/**
 * Records a change to an AI system as requested by the caller (a person, or a pipeline with the
 * person's write token). A material change — the kind's suggestion unless the caller says — takes
 * effect at once, not at approval, because the change has usually already shipped: in the same
 * transaction the system's impact assessment becomes stale and every live risk of the system is
 * flagged for re-review, each with its own audit entry.
 */
export const recordChange: Handler<Routes["recordChange"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const system = await tx
    .selectFrom("ai_systems")
    .select(["id", "archived_at", "material_changed_at"])
    .where("org_id", "=", org.orgId)
    .where("id", "=", body.systemId)
    .forUpdate()
    .executeTakeFirst();
  if (!system) throw invalidField("body.systemId", "is not an AI system of this organisation");
  if (system.archived_at) throw invalidField("body.systemId", "is archived; changes are recorded for live systems");

  const suggested = suggestMaterial(body.kind).material;
  const material = body.material ?? suggested;
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "change", "CHG");
  const now = new Date();
  await tx
    .insertInto("system_changes")
    .values({
      id,
      org_id: org.orgId,
      ref,
      system_id: system.id,
      kind: body.kind,
      summary: body.summary,
      description: body.description,
      risk_impact: body.riskImpact,
      risk_impact_note: body.riskImpactNote,
      material,
      suggested_material: suggested,
      status: "requested",
      requested_by_member_id: org.membershipId,
      rereview_risk_ids: "[]",
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit({
    action: "change.recorded",
    entityType: "change",
    entityId: id,
    changes: {
      ref: { before: null, after: ref },
      systemId: { before: null, after: system.id },
      kind: { before: null, after: body.kind },
      summary: { before: null, after: body.summary },
      description: { before: null, after: body.description },
      riskImpact: { before: null, after: body.riskImpact },
      riskImpactNote: { before: null, after: body.riskImpactNote },
      material: { before: null, after: material },
      suggestedMaterial: { before: null, after: suggested },
      status: { before: null, after: "requested" },
    },
  });

  if (material) {
    const staleAssessment = await markSystemMateriallyChanged(tx, org.orgId, system, { id, ref }, now, audit);
    const risks = await requestRereviewOfSystemRisks(
      tx,
      org.orgId,
      system.id,
      { source: "change", sourceId: id, description: `Material change ${ref}: ${body.summary}` },
      audit,
    );
    await tx
      .updateTable("system_changes")
      .set({
        rereview_risk_ids: JSON.stringify(risks.map((risk) => risk.id)),
        stale_assessment_id: staleAssessment?.id ?? null,
      })
      .where("id", "=", id)
      .execute();
  }
  return loadChangeDetail(tx, org.orgId, id);
};
