import { randomUUID } from "node:crypto";
import type { EvidenceKind, EvidenceSource } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { nextRef } from "../records/next-ref.js";
import { validityFor } from "./evidence-validity-sync.js";
import type { ResolvedTarget } from "./resolve-evidence-targets.js";

/** Everything needed to record a new piece of evidence; the caller has validated it. */
export interface NewEvidence {
  kind: EvidenceKind;
  source: EvidenceSource;
  title: string;
  description: string;
  url: string | null;
  body: string | null;
  file: { sha256: string; size: number; mediaType: string; filename: string | null } | null;
  collectedAt: Date;
  explicitValidUntil: Date | null;
  createdByMemberId: string | null;
  targets: readonly ResolvedTarget[];
}

/** Inserts link rows for targets not already linked to the evidence; returns the ids of the new rows. */
export async function insertLinks(
  tx: Kysely<Database>,
  orgId: string,
  evidenceId: string,
  targets: readonly ResolvedTarget[],
): Promise<string[]> {
  if (targets.length === 0) return [];
  const ids = targets.map(() => randomUUID());
  await tx
    .insertInto("evidence_links")
    .values(
      targets.map((target, index) => ({
        id: ids[index] as string,
        org_id: orgId,
        evidence_id: evidenceId,
        target_type: target.targetType,
        target_id: target.targetId,
        clause_id: target.clauseId,
      })),
    )
    .execute();
  return ids;
}

/** A link as the audit trail records it: "control A.6.2.4". */
export function linkLabel(target: Pick<ResolvedTarget, "targetType" | "ref">): string {
  return `${target.targetType} ${target.ref}`;
}

/**
 * Records a piece of evidence with its links and its derived expiry, and writes the audit entry, all
 * in the caller's transaction. Returns the new id.
 */
export async function insertEvidence(
  tx: Kysely<Database>,
  orgId: string,
  input: NewEvidence,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<string> {
  const id = randomUUID();
  const ref = await nextRef(tx, orgId, "evidence", "E");
  await tx
    .insertInto("evidence")
    .values({
      id,
      org_id: orgId,
      ref,
      title: input.title,
      description: input.description || null,
      kind: input.kind,
      source: input.source,
      url: input.url,
      body: input.body,
      file_sha256: input.file?.sha256 ?? null,
      file_size: input.file?.size ?? null,
      file_media_type: input.file?.mediaType ?? null,
      file_name: input.file?.filename ?? null,
      collected_at: input.collectedAt,
      valid_until: null,
      validity_basis: "none",
      created_by_member_id: input.createdByMemberId,
    })
    .execute();
  await insertLinks(tx, orgId, id, input.targets);
  const validity = await validityFor(tx, orgId, {
    evidenceId: id,
    collectedAt: input.collectedAt,
    explicitValidUntil: input.explicitValidUntil,
  });
  if (validity.validUntil) {
    await tx
      .updateTable("evidence")
      .set({ valid_until: validity.validUntil, validity_basis: validity.basis })
      .where("id", "=", id)
      .execute();
  }
  await audit({
    action: "evidence.created",
    entityType: "evidence",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      title: input.title,
      kind: input.kind,
      source: input.source,
      url: input.url,
      fileSha256: input.file?.sha256 ?? null,
      fileName: input.file?.filename ?? null,
      collectedAt: input.collectedAt.toISOString(),
      validUntil: validity.validUntil?.toISOString() ?? null,
      links: input.targets.map(linkLabel),
    }),
  });
  return id;
}
