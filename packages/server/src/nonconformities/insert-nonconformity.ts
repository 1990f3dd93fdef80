import { randomUUID } from "node:crypto";
import type { NonconformitySeverity, NonconformitySource, RedteamSeverity } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { nextRef } from "../records/next-ref.js";

/** A nonconformity as raised, from whatever source; the caller has checked the source and system. */
export interface NewNonconformity {
  title: string;
  description: string;
  severity: NonconformitySeverity;
  source: NonconformitySource;
  sourceId: string | null;
  systemId: string | null;
  /** The finding's severity, for one raised from a red-team finding. */
  redteamSeverity?: RedteamSeverity | null;
  raisedByMemberId: string | null;
}

/**
 * Raises a nonconformity (NC-n, open) and writes its audit entry in the caller's transaction. The one
 * way any module records a nonconformity, so every source gets the same reference, status and trail.
 */
export async function insertNonconformity(
  tx: Kysely<Database>,
  orgId: string,
  values: NewNonconformity,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<{ id: string; ref: string }> {
  const id = randomUUID();
  const ref = await nextRef(tx, orgId, "nonconformity", "NC");
  await tx
    .insertInto("nonconformities")
    .values({
      id,
      org_id: orgId,
      ref,
      title: values.title,
      description: values.description,
      source: values.source,
      source_id: values.sourceId,
      system_id: values.systemId,
      severity: values.severity,
      redteam_severity: values.redteamSeverity ?? null,
      status: "open",
      raised_by_member_id: values.raisedByMemberId,
      closed_at: null,
    })
    .execute();
  await audit({
    action: "nonconformity.created",
    entityType: "nonconformity",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      title: values.title,
      source: values.source,
      sourceId: values.sourceId,
      systemId: values.systemId,
      severity: values.severity,
      ...(values.redteamSeverity ? { redteamSeverity: values.redteamSeverity } : {}),
    }),
  });
  return { id, ref };
}
