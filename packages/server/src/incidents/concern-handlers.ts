import { randomUUID } from "node:crypto";
import { type ConcernStatus, labelOf, type Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { insertRisk } from "../risks/insert-risk.js";
import { loadRiskMethod } from "../risks/risk-method-queries.js";
import { concernQuery, loadConcern, presentConcern } from "./concern-queries.js";
import { createIncident, nextPaddedRef } from "./create-incident.js";

/** A concern to record, from a member or through the anonymous link. */
export interface NewConcern {
  description: string;
  systemId: string | null;
  systemName: string;
  contactPreference: string;
  /** Null for an anonymous report: nothing about the reporter is kept. */
  reportedByMemberId: string | null;
}

/** Adds a concern to the organisation's triage queue under the next CON-n reference. */
export async function insertConcern(
  tx: Kysely<Database>,
  orgId: string,
  concern: NewConcern,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<{ id: string; ref: string }> {
  const id = randomUUID();
  const ref = await nextPaddedRef(tx, orgId, "concern", "CON");
  const channel = concern.reportedByMemberId ? "member" : "anonymous";
  await tx
    .insertInto("concerns")
    .values({
      id,
      org_id: orgId,
      ref,
      description: concern.description,
      system_id: concern.systemId,
      system_name: concern.systemName,
      contact_preference: concern.contactPreference,
      channel,
      status: "new",
      reported_by_member_id: concern.reportedByMemberId,
    })
    .execute();
  // The audit entry names the record, never what was reported: the trail is read more widely than the queue.
  await audit({
    action: "concern.reported",
    entityType: "concern",
    entityId: id,
    changes: { ref: { before: null, after: ref }, channel: { before: null, after: channel } },
  });
  return { id, ref };
}

export const reportConcern: Handler<Routes["reportConcern"]> = async ({ tx, org, input, audit }) => {
  const { systemId } = input.body;
  if (systemId) {
    const system = await tx
      .selectFrom("ai_systems")
      .select("id")
      .where("org_id", "=", org.orgId)
      .where("id", "=", systemId)
      .executeTakeFirst();
    if (!system) throw notFound("AI system", systemId);
  }
  const { ref } = await insertConcern(
    tx,
    org.orgId,
    { ...input.body, systemName: "", reportedByMemberId: org.membershipId },
    audit,
  );
  return { status: "received" as const, receipt: ref };
};

/** The triage queue, newest first. */
export const listConcerns: Handler<Routes["listConcerns"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "c.created_at" }, "c.id");
  const cursor = parseCursor(rawCursor);
  let query = concernQuery(tx, org.orgId);
  if (status) query = query.where("c.status", "=", status);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentConcern);
};

/** The concern, locked; 409 when it has already been triaged, naming what became of it. */
async function lockNewConcern(tx: Kysely<Database>, orgId: string, concernId: string) {
  const row = await tx
    .selectFrom("concerns")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", concernId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Concern", concernId);
  if (row.status !== "new") {
    const concern = await loadConcern(tx, orgId, concernId);
    const outcome = concern.incident
      ? `it became incident ${concern.incident.ref}`
      : concern.risk
        ? `it became risk ${concern.risk.ref}`
        : `it was closed: ${concern.closedReason ?? ""}`;
    throw new AppError("illegal_transition", `Concern ${row.ref} has already been triaged; ${outcome}.`, {
      status: row.status,
    });
  }
  return row;
}

async function settleConcern(
  tx: Kysely<Database>,
  row: { id: string; org_id: string; version: number },
  triagedBy: string,
  outcome: { status: ConcernStatus; incident_id?: string; risk_id?: string; closed_reason?: string },
  audit: (event: AuditEvent) => Promise<void>,
  result: string,
) {
  const now = new Date();
  await tx
    .updateTable("concerns")
    .set({ ...outcome, triaged_by_member_id: triagedBy, triaged_at: now, updated_at: now, version: row.version + 1 })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "concern.triaged",
    entityType: "concern",
    entityId: row.id,
    changes: { status: { before: "new", after: outcome.status }, outcome: { before: null, after: result } },
  });
  return loadConcern(tx, row.org_id, row.id);
}

export const raiseIncidentFromConcern: Handler<Routes["raiseIncidentFromConcern"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const row = await lockNewConcern(tx, org.orgId, input.params.concernId);
  const incident = await createIncident(tx, org, audit, {
    title: input.body.title,
    description: row.description,
    severity: input.body.severity,
    systemIds: row.system_id ? [row.system_id] : [],
    links: [],
    detectedAt: row.created_at,
    origin: `Opened from concern ${row.ref} (${labelOf("concernChannel", row.channel as "member").toLowerCase()}).`,
  });
  return settleConcern(
    tx,
    row,
    org.membershipId,
    { status: "became_incident", incident_id: incident.id },
    audit,
    `incident ${incident.ref}`,
  );
};

export const raiseRiskFromConcern: Handler<Routes["raiseRiskFromConcern"]> = async ({ tx, org, input, audit }) => {
  const row = await lockNewConcern(tx, org.orgId, input.params.concernId);
  const { method } = await loadRiskMethod(tx, org.orgId);
  const risk = await insertRisk(
    tx,
    org.orgId,
    method,
    {
      title: input.body.title,
      description: `${row.description}\n\nRaised from concern ${row.ref}.`,
      systemId: row.system_id,
      threatId: null,
      riskSources: [],
      ownerMemberId: null,
      levels: { inherentLikelihood: null, inherentImpact: null, residualLikelihood: null, residualImpact: null },
      treatmentOption: null,
      reviewDate: null,
    },
    audit,
  );
  return settleConcern(
    tx,
    row,
    org.membershipId,
    { status: "became_risk", risk_id: risk.id },
    audit,
    `risk ${risk.ref}`,
  );
};

export const closeConcern: Handler<Routes["closeConcern"]> = async ({ tx, org, input, audit }) => {
  const row = await lockNewConcern(tx, org.orgId, input.params.concernId);
  return settleConcern(
    tx,
    row,
    org.membershipId,
    { status: "closed", closed_reason: input.body.reason },
    audit,
    `closed: ${input.body.reason}`,
  );
};
