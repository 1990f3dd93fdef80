import type { Routes } from "@openaims/contracts";
import { checkApplicability, diffChanges, storedOverrideReason } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { assertLive, findControl, findOwnerMember, loadLinkedRisks } from "./control-queries.js";
import { fieldError } from "./field-error.js";
import { loadControl } from "./present-control.js";

/** Empty text means "clear it". */
const textOrNull = (value: string | null | undefined, current: string | null) =>
  value === undefined ? current : value === null || value === "" ? null : value;

export const updateControl: Handler<Routes["updateControl"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const row = await findControl(tx, org.orgId, input.params.controlId, true);
  assertLive(row);
  if (row.version !== body.version) throw staleVersion("control", row.version, body.version);
  if (row.kind === "annex_a" && body.title !== undefined && body.title !== row.title)
    throw fieldError("body.title", "Annex A control titles are fixed by the standard");
  if (row.kind === "annex_a" && body.description !== undefined)
    throw fieldError("body.description", "Annex A controls take their description from the catalogue");
  if (body.ownerMemberId && body.ownerMemberId !== row.owner_member_id)
    await findOwnerMember(tx, org.orgId, body.ownerMemberId);

  const applicable = body.applicable === undefined ? row.applicable : body.applicable;
  const justification = textOrNull(body.justification, row.justification);
  const requestedOverride = textOrNull(body.overrideReason, row.override_reason);
  const excludingNow = applicable === false && row.applicable !== false;
  const openRiskRefs = excludingNow
    ? ((await loadLinkedRisks(tx, org.orgId, [row.id])).get(row.id) ?? []).filter((r) => r.open).map((r) => r.ref)
    : [];
  const decision = {
    applicable,
    justification,
    // Excluding now needs a reason given now, not one left over from an earlier exclusion.
    overrideReason: excludingNow ? textOrNull(body.overrideReason, null) : requestedOverride,
  };
  const refusal = checkApplicability(decision, { excludingNow, openRiskRefs });
  if (refusal?.kind === "justification_required") throw fieldError("body.justification", refusal.message);
  if (refusal?.kind === "override_required")
    throw new AppError("illegal_transition", refusal.message, { openRiskRefs: refusal.openRiskRefs });

  const before = {
    title: row.title,
    description: row.description,
    applicable: row.applicable,
    justification: row.justification,
    override_reason: row.override_reason,
    implementation_status: row.implementation_status,
    implementation_description: row.implementation_description,
    owner_member_id: row.owner_member_id,
    evidence_requirement: row.evidence_requirement,
    evidence_freshness_days: row.evidence_freshness_days,
  };
  const after = {
    title: body.title ?? row.title,
    description: textOrNull(body.description, row.description),
    applicable,
    justification,
    override_reason: storedOverrideReason(decision),
    implementation_status: body.implementationStatus ?? row.implementation_status,
    implementation_description: textOrNull(body.implementationDescription, row.implementation_description),
    owner_member_id: body.ownerMemberId === undefined ? row.owner_member_id : body.ownerMemberId,
    evidence_requirement: textOrNull(body.evidenceRequirement, row.evidence_requirement),
    evidence_freshness_days:
      body.evidenceFreshnessDays === undefined ? row.evidence_freshness_days : body.evidenceFreshnessDays,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length === 0) return loadControl(tx, org.orgId, row.id);
  await tx
    .updateTable("controls")
    .set({ ...after, version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({ action: "control.updated", entityType: "control", entityId: row.id, changes });
  return loadControl(tx, org.orgId, row.id);
};
