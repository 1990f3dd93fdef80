import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { invalidBody } from "../risks/field-errors.js";
import { checkRiskReferences } from "../risks/risk-references.js";
import { insertNonconformity } from "./insert-nonconformity.js";
import {
  loadNonconformityDetail,
  lockNonconformity,
  nonconformityQuery,
  presentNonconformity,
} from "./nonconformity-queries.js";
import { checkSourceRecord, loadSourceRefs } from "./source-records.js";

/** Nonconformities, newest first, by status, severity, source, source record or AI system. */
export const listNonconformities: Handler<Routes["listNonconformities"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, systemId, status, severity, source, sourceId } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "nc.created_at" }, "nc.id");
  const cursor = parseCursor(rawCursor);
  let query = nonconformityQuery(tx, org.orgId);
  if (systemId) query = query.where("nc.system_id", "=", systemId);
  if (status) query = query.where("nc.status", "=", status);
  if (severity) query = query.where("nc.severity", "=", severity);
  if (source) query = query.where("nc.source", "=", source);
  if (sourceId) query = query.where("nc.source_id", "=", sourceId);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("nc.created_at", "desc")
    .orderBy("nc.id", "desc")
    .limit(limit + 1)
    .execute();
  const refs = await loadSourceRefs(
    tx,
    org.orgId,
    rows.map((row) => ({ source: row.source, sourceId: row.source_id })),
  );
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => presentNonconformity(row, refs),
  );
};

export const getNonconformity: Handler<Routes["getNonconformity"]> = async ({ tx, org, input }) =>
  loadNonconformityDetail(tx, org.orgId, input.params.nonconformityId);

/** Raises a nonconformity by hand or from an incident, alert or audit of this organisation. */
export const raiseNonconformity: Handler<Routes["raiseNonconformity"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const problems = [
    ...(await checkSourceRecord(tx, org.orgId, body.source, body.sourceId)),
    ...(await checkRiskReferences(tx, org.orgId, { systemId: body.systemId ?? null })),
  ];
  if (problems.length > 0) throw invalidBody(problems);
  const { id } = await insertNonconformity(
    tx,
    org.orgId,
    {
      title: body.title,
      description: body.description,
      severity: body.severity,
      source: body.source,
      sourceId: body.sourceId ?? null,
      systemId: body.systemId ?? null,
      raisedByMemberId: org.membershipId,
    },
    audit,
  );
  return loadNonconformityDetail(tx, org.orgId, id);
};

/** Changes the facts, the correction or the root-cause analysis; a closed nonconformity stays as it was. */
export const updateNonconformity: Handler<Routes["updateNonconformity"]> = async ({ tx, org, input, audit }) => {
  const { version, ...fields } = input.body;
  const row = await lockNonconformity(tx, org.orgId, input.params.nonconformityId, version);
  if (row.status === "closed")
    throw new AppError(
      "illegal_transition",
      `Nonconformity ${row.ref} is closed; raise a new nonconformity if the problem has come back.`,
    );
  if (fields.systemId && fields.systemId !== row.system_id) {
    const problems = await checkRiskReferences(tx, org.orgId, { systemId: fields.systemId });
    if (problems.length > 0) throw invalidBody(problems);
  }
  const before = {
    title: row.title,
    description: row.description,
    severity: row.severity,
    systemId: row.system_id,
    correction: row.correction,
    rootCause: row.root_cause,
    rootCauseMethod: row.root_cause_method,
  };
  const after = {
    title: fields.title ?? before.title,
    description: fields.description ?? before.description,
    severity: fields.severity ?? before.severity,
    systemId: fields.systemId === undefined ? before.systemId : fields.systemId,
    correction: fields.correction ?? before.correction,
    rootCause: fields.rootCause ?? before.rootCause,
    rootCauseMethod: fields.rootCauseMethod === undefined ? before.rootCauseMethod : fields.rootCauseMethod,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("nonconformities")
      .set({
        title: after.title,
        description: after.description,
        severity: after.severity,
        system_id: after.systemId,
        correction: after.correction,
        root_cause: after.rootCause,
        root_cause_method: after.rootCauseMethod,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "nonconformity.updated", entityType: "nonconformity", entityId: row.id, changes });
  }
  return loadNonconformityDetail(tx, org.orgId, row.id);
};
