import type { Routes } from "@openaims/contracts";
import { notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { assessmentQuery, findAssessment } from "./impact-assessment-queries.js";
import { presentAssessment, presentAssessmentSummary } from "./present-impact-assessment.js";
import {
  presentSystemImpactStatus,
  systemImpactStateCondition,
  systemImpactStatusQuery,
} from "./system-impact-statuses.js";

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const listSystemImpactStatuses: Handler<Routes["listSystemImpactStatuses"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, state, q, systemId } = input.query;
  const sort = keysetSort("name", { name: "ai_systems.name" }, "ai_systems.id");
  const cursor = parseCursor(rawCursor);
  let query = systemImpactStatusQuery(tx, org.orgId);
  if (state) query = query.where(systemImpactStateCondition(state));
  if (systemId) query = query.where("ai_systems.id", "=", systemId);
  if (q) {
    const like = escapeLike(q);
    query = query.where((eb) => eb.or([eb("ai_systems.name", "ilike", like), eb("ai_systems.slug", "ilike", like)]));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("ai_systems.name")
    .orderBy("ai_systems.id")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: row.name, id: row.id }), presentSystemImpactStatus);
};

export const listImpactAssessments: Handler<Routes["listImpactAssessments"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status, systemId, archived } = input.query;
  const sort = keysetSort("-updatedAt", { updatedAt: "impact_assessments.updated_at" }, "impact_assessments.id");
  const cursor = parseCursor(rawCursor);
  let query = assessmentQuery(tx, org.orgId);
  if (status) query = query.where("impact_assessments.status", "=", status);
  if (systemId) query = query.where("impact_assessments.system_id", "=", systemId);
  if (archived === "exclude") query = query.where("impact_assessments.archived_at", "is", null);
  if (archived === "only") query = query.where("impact_assessments.archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("impact_assessments.updated_at", "desc")
    .orderBy("impact_assessments.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.updated_at), id: row.id }), presentAssessmentSummary);
};

export const listSystemImpactAssessments: Handler<Routes["listSystemImpactAssessments"]> = async ({
  tx,
  org,
  input,
}) => {
  const { limit, cursor: rawCursor, archived } = input.query;
  const system = await tx
    .selectFrom("ai_systems")
    .select("id")
    .where("org_id", "=", org.orgId)
    .where("id", "=", input.params.systemId)
    .executeTakeFirst();
  if (!system) throw notFound("AI system", input.params.systemId);
  const sort = keysetSort("-revision", { revision: "impact_assessments.revision" }, "impact_assessments.id");
  const cursor = parseCursor(rawCursor);
  let query = assessmentQuery(tx, org.orgId).where("impact_assessments.system_id", "=", system.id);
  if (archived === "exclude") query = query.where("impact_assessments.archived_at", "is", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("impact_assessments.revision", "desc")
    .orderBy("impact_assessments.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: row.revision, id: row.id }), presentAssessmentSummary);
};

export const getImpactAssessment: Handler<Routes["getImpactAssessment"]> = async ({ tx, org, input }) =>
  presentAssessment(await findAssessment(tx, org.orgId, input.params.assessmentId));
