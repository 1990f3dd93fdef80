import type { Control, ControlKind, ImplementationStatus } from "@openaims/contracts";
import { effectiveStatus } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { loadControlEvidence, NO_EVIDENCE } from "./control-evidence-state.js";
import { type ControlRow, findControl, loadLinkedRisks } from "./control-queries.js";

/** Presents control rows with their evidence, effective status and linked risks (two queries for all rows). */
export async function presentControls(
  db: Kysely<Database>,
  orgId: string,
  rows: readonly ControlRow[],
  now: Date = new Date(),
): Promise<Control[]> {
  const ids = rows.map((row) => row.id);
  // One after the other: a transaction has a single connection.
  const evidence = await loadControlEvidence(db, orgId, ids, now);
  const risks = await loadLinkedRisks(db, orgId, ids);
  return rows.map((row) => {
    const controlEvidence = evidence.get(row.id) ?? NO_EVIDENCE;
    const implementation = row.implementation_status as ImplementationStatus;
    return {
      id: row.id,
      ref: row.ref,
      title: row.title,
      kind: row.kind as ControlKind,
      areaId: row.area_id,
      description: row.description,
      applicable: row.applicable,
      justification: row.justification,
      overrideReason: row.override_reason,
      implementationStatus: implementation,
      implementationDescription: row.implementation_description,
      effectiveStatus: effectiveStatus(row.applicable, implementation, controlEvidence.state),
      owner: row.owner_member_id ? { memberId: row.owner_member_id, name: row.owner_name ?? "" } : null,
      evidenceRequirement: row.evidence_requirement,
      evidenceFreshnessDays: row.evidence_freshness_days,
      evidence: {
        state: controlEvidence.state,
        refs: controlEvidence.refs,
        latestValidUntil: controlEvidence.latestValidUntil?.toISOString() ?? null,
      },
      risks: risks.get(row.id) ?? [],
      status: row.archived_at ? "archived" : "active",
      archiveReason: row.archive_reason,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  });
}

/** Reads and presents one control. */
export async function loadControl(db: Kysely<Database>, orgId: string, controlId: string): Promise<Control> {
  const [control] = await presentControls(db, orgId, [await findControl(db, orgId, controlId)]);
  if (!control) throw new Error("presentControls lost a row");
  return control;
}
