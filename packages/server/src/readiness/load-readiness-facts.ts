import type { DocumentKind } from "@openaims/contracts";
import type { ControlFacts, ReadinessFacts, SystemFacts } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { loadSoaDraft } from "../controls/load-soa.js";

/**
 * Reads what readiness is computed from, in a handful of grouped queries whose cost grows with the
 * number of systems and controls, not with the number of risks or evidence links.
 */
export async function loadReadinessFacts(db: Kysely<Database>, orgId: string, now: Date): Promise<ReadinessFacts> {
  const [documents, processes, clauseEvidence, systems, soa, controlIds, risks] = await Promise.all([
    approvedDocumentKinds(db, orgId),
    accountableProcesses(db, orgId),
    evidenceByClause(db, orgId, now),
    systemFacts(db, orgId, now),
    loadSoaDraft(db, orgId, now),
    db.selectFrom("controls").select(["id", "ref"]).where("org_id", "=", orgId).execute(),
    riskTotals(db, orgId),
  ]);
  const idByRef = new Map(controlIds.map((control) => [control.ref, control.id]));
  const controls: ControlFacts[] = soa.rows.map((row) => ({
    id: idByRef.get(row.ref) ?? row.ref,
    ref: row.ref,
    title: row.title,
    areaId: row.areaId,
    applicable: row.applicable,
    hasJustification: Boolean(row.justification?.trim()),
    hasOwner: row.owner !== null,
    implemented: row.implementationStatus === "implemented",
    evidence: row.evidenceState,
  }));
  return {
    approvedDocumentKinds: documents,
    accountableProcesses: processes,
    clauseEvidence,
    systems,
    controls,
    soa: {
      approvedVersions: soa.lastApproved?.number ?? 0,
      openIssues: soa.issues.length,
      changedSinceApproval: soa.changedSinceApproval,
    },
    risks,
  };
}

async function approvedDocumentKinds(db: Kysely<Database>, orgId: string): Promise<Set<DocumentKind>> {
  const rows = await db
    .selectFrom("documents")
    .select("kind")
    .distinct()
    .where("org_id", "=", orgId)
    .where("status", "=", "approved")
    .where("archived_at", "is", null)
    .execute();
  return new Set(rows.map((row) => row.kind as DocumentKind));
}

/** Processes with exactly one live accountable assignment. */
async function accountableProcesses(db: Kysely<Database>, orgId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("responsibility_assignments")
    .select("process")
    .where("org_id", "=", orgId)
    .where("subject_type", "=", "process")
    .where("raci_role", "=", "accountable")
    .where("archived_at", "is", null)
    .groupBy("process")
    .having(sql`count(*)`, "=", 1)
    .execute();
  return new Set(rows.flatMap((row) => (row.process ? [row.process] : [])));
}

async function evidenceByClause(db: Kysely<Database>, orgId: string, now: Date) {
  const rows = await db
    .selectFrom("evidence_links as l")
    .innerJoin("evidence as e", "e.id", "l.evidence_id")
    .select([
      "l.clause_id",
      sql<number>`count(*) filter (where e.valid_until is null or e.valid_until > ${now})`.as("current"),
      sql<number>`count(*) filter (where e.valid_until <= ${now})`.as("expired"),
    ])
    .where("l.org_id", "=", orgId)
    .where("l.target_type", "=", "clause")
    .where("l.archived_at", "is", null)
    .where("e.archived_at", "is", null)
    .groupBy("l.clause_id")
    .execute();
  return new Map(
    rows.flatMap((row) =>
      row.clause_id ? [[row.clause_id, { current: Number(row.current), expired: Number(row.expired) }] as const] : [],
    ),
  );
}

async function systemFacts(db: Kysely<Database>, orgId: string, now: Date): Promise<SystemFacts[]> {
  const today = now.toISOString().slice(0, 10);
  // One grouped query per kind of fact instead of correlated subqueries per system.
  const [systems, risks, assessments, accountable] = await Promise.all([
    db
      .selectFrom("ai_systems")
      .select(["id", "slug", "name", "owner_member_id", "review_date"])
      .where("org_id", "=", orgId)
      .where("archived_at", "is", null)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("risks")
      .select([
        "system_id",
        sql<number>`count(*)`.as("total"),
        sql<number>`count(*) filter (where status not in ('closed', 'accepted') and rating_rank >= 3)`.as("open_high"),
      ])
      .where("org_id", "=", orgId)
      .where("system_id", "is not", null)
      .where("archived_at", "is", null)
      .groupBy("system_id")
      .execute(),
    db
      .selectFrom("impact_assessments as a")
      .innerJoin("ai_systems as s", "s.id", "a.system_id")
      .select([
        "a.system_id",
        sql<string>`string_agg(case when a.status = 'approved' and a.system_material_at < s.material_changed_at then 'stale' else a.status end, ',')`.as(
          "states",
        ),
      ])
      .where("a.org_id", "=", orgId)
      .where("a.archived_at", "is", null)
      .where("a.status", "in", ["draft", "submitted", "approved"])
      .groupBy("a.system_id")
      .execute(),
    db
      .selectFrom("responsibility_assignments")
      .select(["system_id", sql<number>`count(*)`.as("n")])
      .where("org_id", "=", orgId)
      .where("subject_type", "=", "system")
      .where("raci_role", "=", "accountable")
      .where("archived_at", "is", null)
      .groupBy("system_id")
      .execute(),
  ]);
  const riskBySystem = new Map(risks.map((row) => [row.system_id, row]));
  const statesBySystem = new Map(assessments.map((row) => [row.system_id, row.states]));
  const accountableBySystem = new Map(accountable.map((row) => [row.system_id, Number(row.n)]));
  return systems.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    hasOwner: row.owner_member_id !== null,
    reviewOverdue: row.review_date !== null && row.review_date < today,
    impactAssessment: assessmentState(statesBySystem.get(row.id) ?? null),
    openHighRisks: Number(riskBySystem.get(row.id)?.open_high ?? 0),
    riskCount: Number(riskBySystem.get(row.id)?.total ?? 0),
    hasAccountable: accountableBySystem.get(row.id) === 1,
  }));
}

/** The approved revision decides when there is one; otherwise the open one; otherwise missing. */
function assessmentState(states: string | null): SystemFacts["impactAssessment"] {
  const all = new Set((states ?? "").split(",").filter(Boolean));
  if (all.has("stale")) return "stale";
  if (all.has("approved")) return "approved";
  if (all.has("submitted")) return "submitted";
  if (all.has("draft")) return "draft";
  return "missing";
}

async function riskTotals(db: Kysely<Database>, orgId: string): Promise<ReadinessFacts["risks"]> {
  const row = await db
    .selectFrom("risks")
    .select([
      sql<number>`count(*)`.as("total"),
      sql<number>`count(*) filter (where inherent_rating is null)`.as("unrated"),
      sql<number>`count(*) filter (where status not in ('closed', 'accepted') and treatment_option is null and rating_rank >= 3)`.as(
        "untreated",
      ),
    ])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unrated: Number(row.unrated), openHighWithoutTreatment: Number(row.untreated) };
}
