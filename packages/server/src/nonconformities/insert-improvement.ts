import { randomUUID } from "node:crypto";
import type { ImprovementSource } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { nextRef } from "../records/next-ref.js";

/** An opportunity for improvement as logged; the caller has checked the source record and owner. */
export interface NewImprovement {
  title: string;
  description: string;
  source: ImprovementSource;
  sourceId: string | null;
  ownerMemberId: string | null;
  raisedByMemberId: string | null;
}

/**
 * Logs an opportunity for improvement (IMP-n, proposed) and writes its audit entry in the caller's
 * transaction: the one way any module adds to the improvement log.
 */
export async function insertImprovement(
  tx: Kysely<Database>,
  orgId: string,
  values: NewImprovement,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<{ id: string; ref: string }> {
  const id = randomUUID();
  const ref = await nextRef(tx, orgId, "improvement", "IMP");
  await tx
    .insertInto("improvements")
    .values({
      id,
      org_id: orgId,
      ref,
      title: values.title,
      description: values.description,
      source: values.source,
      source_id: values.sourceId,
      owner_member_id: values.ownerMemberId,
      status: "proposed",
      decline_reason: null,
      raised_by_member_id: values.raisedByMemberId,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
  const { raisedByMemberId: _, ...logged } = values;
  await audit({
    action: "improvement.created",
    entityType: "improvement",
    entityId: id,
    changes: diffChanges(null, { ref, ...logged, status: "proposed" }),
  });
  return { id, ref };
}
