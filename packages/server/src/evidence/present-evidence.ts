import type { Evidence, EvidenceKind, EvidenceLink, EvidenceSource, EvidenceTargetType } from "@openaims/contracts";
import { evidenceValidity, findClause } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type EvidenceRow, findActiveLinks, findEvidence, type LinkRow, linksByEvidence } from "./evidence-queries.js";

/** A link as people read it: what it points at, by reference and title. */
export function presentLink(row: LinkRow): EvidenceLink {
  const target = {
    control: { ref: row.control_ref, title: row.control_title },
    risk: { ref: row.risk_ref, title: row.risk_title },
    system: { ref: row.system_slug, title: row.system_name },
    asset: { ref: row.asset_name, title: row.asset_name },
    clause: { ref: row.clause_id, title: row.clause_id ? (findClause(row.clause_id)?.title ?? null) : null },
  }[row.target_type as EvidenceTargetType];
  return {
    id: row.id,
    targetType: row.target_type as EvidenceTargetType,
    targetId: row.target_id,
    clauseId: row.clause_id,
    ref: target?.ref ?? row.target_id ?? "",
    title: target?.title ?? "",
    createdAt: row.created_at.toISOString(),
  };
}

/** The validity state shown on evidence: expired, current but ending soon, or current. */
export function validityState(validUntil: Date | null, now: Date): Evidence["state"] {
  const validity = evidenceValidity(validUntil, now);
  if (validity.state === "expired") return "expired";
  return validity.expiresSoon ? "expiring" : "current";
}

export function presentEvidence(row: EvidenceRow, links: readonly LinkRow[], now = new Date()): Evidence {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description ?? "",
    kind: row.kind as EvidenceKind,
    source: row.source as EvidenceSource,
    url: row.url,
    body: row.body,
    file:
      row.file_sha256 !== null && row.file_size !== null && row.file_media_type !== null
        ? { sha256: row.file_sha256, size: row.file_size, mediaType: row.file_media_type, filename: row.file_name }
        : null,
    collectedAt: row.collected_at.toISOString(),
    validUntil: row.valid_until?.toISOString() ?? null,
    validityBasis: row.validity_basis as Evidence["validityBasis"],
    state: validityState(row.valid_until, now),
    createdBy:
      row.created_by_member_id && row.created_by_name
        ? { memberId: row.created_by_member_id, name: row.created_by_name }
        : null,
    links: links.map(presentLink),
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Presents many evidence rows with their links, loading the links in one query. */
export async function presentEvidenceRows(
  db: Kysely<Database>,
  orgId: string,
  rows: readonly EvidenceRow[],
): Promise<Evidence[]> {
  const grouped = linksByEvidence(
    await findActiveLinks(
      db,
      orgId,
      rows.map((row) => row.id),
    ),
  );
  const now = new Date();
  return rows.map((row) => presentEvidence(row, grouped.get(row.id) ?? [], now));
}

/** Reads one piece of evidence again and presents it with its links. */
export async function loadEvidence(db: Kysely<Database>, orgId: string, evidenceId: string): Promise<Evidence> {
  const row = await findEvidence(db, orgId, evidenceId);
  const [presented] = await presentEvidenceRows(db, orgId, [row]);
  if (!presented) throw new Error("evidence vanished while presenting it");
  return presented;
}
