import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { notFound } from "../http/app-error.js";

/** A risk flagged for re-review: enough for a caller to name and link it. */
export interface RereviewedRisk {
  id: string;
  ref: string;
  title: string;
}

/** Why a review is asked for, as the audit entry records it, e.g. "material change CHG-3". */
export interface RereviewReason {
  source: string;
  sourceId: string | null;
  description: string;
}

type Audit = (event: AuditEvent) => Promise<void>;

/**
 * Asks for every live risk of a system (not closed, not archived) to be reviewed again, inside the
 * caller's transaction, with an audit entry per risk. A risk already awaiting review keeps the time
 * it was first asked for, so the oldest request is the one that counts. Returns the risks flagged.
 */
export async function requestRereviewOfSystemRisks(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
  reason: RereviewReason,
  audit: Audit,
): Promise<RereviewedRisk[]> {
  const risks = await tx
    .selectFrom("risks")
    .select(["id", "ref", "title", "version", "rereview_requested_at"])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .where("archived_at", "is", null)
    .where("status", "<>", "closed")
    .orderBy("created_at")
    .orderBy("id")
    .forUpdate()
    .execute();
  for (const risk of risks) await flagRisk(tx, risk, reason, audit);
  return risks.map(({ id, ref, title }) => ({ id, ref, title }));
}

/**
 * Asks for one risk to be reviewed again (e.g. from a monitoring alert), inside the caller's
 * transaction, with an audit entry. A risk of another organisation is not found.
 */
export async function requestRiskRereview(
  tx: Kysely<Database>,
  orgId: string,
  riskId: string,
  reason: RereviewReason,
  audit: Audit,
): Promise<RereviewedRisk> {
  const risk = await tx
    .selectFrom("risks")
    .select(["id", "ref", "title", "version", "rereview_requested_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", riskId)
    .forUpdate()
    .executeTakeFirst();
  if (!risk) throw notFound("Risk", riskId);
  await flagRisk(tx, risk, reason, audit);
  return { id: risk.id, ref: risk.ref, title: risk.title };
}

async function flagRisk(
  tx: Kysely<Database>,
  risk: { id: string; version: number; rereview_requested_at: Date | null },
  reason: RereviewReason,
  audit: Audit,
): Promise<void> {
  const now = new Date();
  const requestedAt = risk.rereview_requested_at ?? now;
  await tx
    .updateTable("risks")
    .set({ rereview_requested_at: requestedAt, version: risk.version + 1, updated_at: now })
    .where("id", "=", risk.id)
    .execute();
  await audit({
    action: "risk.rereview_requested",
    entityType: "risk",
    entityId: risk.id,
    changes: {
      rereviewRequestedAt: {
        before: risk.rereview_requested_at?.toISOString() ?? null,
        after: requestedAt.toISOString(),
      },
      requestedBy: { before: null, after: { source: reason.source, id: reason.sourceId } },
      reason: { before: null, after: reason.description },
    },
  });
}
