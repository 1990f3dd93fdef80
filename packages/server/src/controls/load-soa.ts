import type { ImplementationStatus, SoaDraft, SoaRow, SoaVersion } from "@openaims/contracts";
import { deriveSoa, type SoaControlInput, soaSummaryOf } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { loadControlEvidence, NO_EVIDENCE } from "./control-evidence-state.js";
import { controlQuery, loadRiskRefsByControl } from "./control-queries.js";

/** The live controls of an organisation as the SoA derivation reads them, in SoA order. */
export async function loadSoaInputs(db: Kysely<Database>, orgId: string, now: Date): Promise<SoaControlInput[]> {
  const rows = await controlQuery(db, orgId)
    .where("controls.archived_at", "is", null)
    .orderBy("controls.position")
    .orderBy("controls.id")
    .execute();
  const evidence = await loadControlEvidence(db, orgId, null, now);
  const risks = await loadRiskRefsByControl(db, orgId);
  return rows.map((row) => {
    const controlEvidence = evidence.get(row.id) ?? NO_EVIDENCE;
    return {
      ref: row.ref,
      title: row.title,
      kind: row.kind === "annex_a" ? "annex_a" : "custom",
      areaId: row.area_id,
      applicable: row.applicable,
      justification: row.justification,
      overrideReason: row.override_reason,
      implementationStatus: row.implementation_status as ImplementationStatus,
      ownerName: row.owner_member_id ? (row.owner_name ?? null) : null,
      risks: risks.get(row.id) ?? [],
      evidenceState: controlEvidence.state,
      evidenceRefs: controlEvidence.refs,
    };
  });
}

/** The newest approved version's facts, or null before the first approval. */
export async function lastApprovedVersion(db: Kysely<Database>, orgId: string) {
  return (
    (await db
      .selectFrom("soa_versions")
      .select(["id", "number", "approved_at", "content_hash"])
      .where("org_id", "=", orgId)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** The current Statement of Applicability, derived from the control records at `now`. */
export async function loadSoaDraft(db: Kysely<Database>, orgId: string, now: Date = new Date()): Promise<SoaDraft> {
  const soa = deriveSoa(await loadSoaInputs(db, orgId, now));
  const last = await lastApprovedVersion(db, orgId);
  return {
    ...soa,
    lastApproved: last
      ? { number: last.number, approvedAt: last.approved_at.toISOString(), contentHash: last.content_hash }
      : null,
    changedSinceApproval: last ? last.content_hash !== soa.contentHash : true,
  };
}

/** The rows of an approved version. */
export function versionRows(content: unknown): SoaRow[] {
  return (content as { rows: SoaRow[] }).rows;
}

type VersionRow = {
  id: string;
  number: number;
  approved_by_member_id: string;
  approved_by_label: string;
  approved_at: Date;
  content_hash: string;
  change_summary: string;
};

export function presentVersionSummary(row: VersionRow) {
  return {
    id: row.id,
    number: row.number,
    approvedBy: { memberId: row.approved_by_member_id, label: row.approved_by_label },
    approvedAt: row.approved_at.toISOString(),
    contentHash: row.content_hash,
    changeSummary: row.change_summary,
  };
}

/** One approved version, found by id or by number; a missing or foreign one is "not found". */
export async function loadSoaVersion(
  db: Kysely<Database>,
  orgId: string,
  by: { id: string } | { number: number },
): Promise<SoaVersion> {
  let query = db.selectFrom("soa_versions").selectAll().where("org_id", "=", orgId);
  query = "id" in by ? query.where("id", "=", by.id) : query.where("number", "=", by.number);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("SoA version", "id" in by ? by.id : String(by.number));
  const rows = versionRows(row.content);
  return { ...presentVersionSummary(row), rows, summary: soaSummaryOf(rows) };
}
