import type { DocumentKind } from "@openaims/contracts";
import type { ControlFacts, ReadinessFacts, SystemFacts } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { evidenceCurrentAt } from "../controls/control-evidence-state.js";
import { loadSoaDraft } from "../controls/load-soa.js";
import { soaStatusOf } from "../controls/soa-status.js";
import { presentSystemImpactStatus, systemImpactStatusQuery } from "../impact-assessments/system-impact-statuses.js";
import { modelSupplyFacts } from "./model-supply-facts.js";

/**
 * Reads what readiness is computed from, in a handful of grouped queries whose cost grows with the
 * number of systems and controls, not with the number of risks or evidence links.
 */
export async function loadReadinessFacts(db: Kysely<Database>, orgId: string, now: Date): Promise<ReadinessFacts> {
  const [documents, processes, clauseEvidence, systems, soa, controlIds, risks, securityTests] = await Promise.all([
    documentKinds(db, orgId),
    accountableProcesses(db, orgId),
    evidenceByClause(db, orgId, now),
    systemFacts(db, orgId, now),
    loadSoaDraft(db, orgId, now),
    db.selectFrom("controls").select(["id", "ref"]).where("org_id", "=", orgId).execute(),
    riskTotals(db, orgId),
    securityTestTotals(db, orgId),
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
    approvedDocumentKinds: documents.approved,
    startedDocumentKinds: documents.started,
    accountableProcesses: processes,
    clauseEvidence,
    systems,
    controls,
    soa: soaStatusOf(soa),
    risks,
    securityTests,
  };
}

/** Kinds of live documents: those with an approved document, and those with any document not retired. */
async function documentKinds(db: Kysely<Database>, orgId: string) {
  const rows = await db
    .selectFrom("documents")
    .select([
      "kind",
      sql<boolean>`bool_or(status = 'approved')`.as("approved"),
      sql<boolean>`bool_or(status <> 'retired')`.as("started"),
    ])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .groupBy("kind")
    .execute();
  return {
    approved: new Set(rows.filter((row) => row.approved).map((row) => row.kind as DocumentKind)),
    started: new Set(rows.filter((row) => row.started).map((row) => row.kind as DocumentKind)),
  };
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
      sql<number>`count(*) filter (where ${evidenceCurrentAt("e", now)})`.as("current"),
      sql<number>`count(*) filter (where not ${evidenceCurrentAt("e", now)})`.as("expired"),
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
  const [systems, risks, accountable, models, agentPolicies] = await Promise.all([
    systemImpactStatusQuery(db, orgId)
      .select([
        "ai_systems.owner_member_id",
        "ai_systems.review_date",
        "ai_systems.lifecycle_stage",
        "ai_systems.capabilities",
      ])
      .orderBy("ai_systems.name")
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
      .selectFrom("responsibility_assignments")
      .select(["system_id", sql<number>`count(*)`.as("n")])
      .where("org_id", "=", orgId)
      .where("subject_type", "=", "system")
      .where("raci_role", "=", "accountable")
      .where("archived_at", "is", null)
      .groupBy("system_id")
      .execute(),
    modelSupplyFacts(db, orgId),
    db
      .selectFrom("agent_policies")
      .select("system_id")
      .where("org_id", "=", orgId)
      .where("archived_at", "is", null)
      .where("approved_version_id", "is not", null)
      .execute(),
  ]);
  const approvedPolicies = new Set(agentPolicies.map((row) => row.system_id ?? "default"));
  const riskBySystem = new Map(risks.map((row) => [row.system_id, row]));
  const accountableBySystem = new Map(accountable.map((row) => [row.system_id, Number(row.n)]));
  return systems.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    hasOwner: row.owner_member_id !== null,
    reviewOverdue: row.review_date !== null && row.review_date < today,
    impactAssessment: presentSystemImpactStatus(row).state,
    openHighRisks: Number(riskBySystem.get(row.id)?.open_high ?? 0),
    riskCount: Number(riskBySystem.get(row.id)?.total ?? 0),
    hasAccountable: accountableBySystem.get(row.id) === 1,
    models: models.get(row.id),
    ...(row.capabilities.includes("agent_tools")
      ? {
          agent: {
            live: row.lifecycle_stage === "deployment" || row.lifecycle_stage === "operation",
            hasApprovedPolicy: approvedPolicies.has(row.id) || approvedPolicies.has("default"),
          },
        }
      : {}),
  }));
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

/** AI systems in the inventory with a finished security test scan, and nonconformities still open. */
async function securityTestTotals(db: Kysely<Database>, orgId: string): Promise<ReadinessFacts["securityTests"]> {
  const [tested, open] = await Promise.all([
    db
      .selectFrom("redteam_scans as s")
      .innerJoin("ai_systems as a", "a.id", "s.system_id")
      .select(sql<number>`count(distinct s.system_id)`.as("n"))
      .where("s.org_id", "=", orgId)
      .where("s.status", "in", ["completed", "partial"])
      .where("s.archived_at", "is", null)
      .where("a.archived_at", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("nonconformities")
      .select(sql<number>`count(*)`.as("n"))
      .where("org_id", "=", orgId)
      .where("status", "!=", "closed")
      .where("archived_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { systemsTested: Number(tested.n), openNonconformities: Number(open.n) };
}
