import type { LifecycleStage, RedteamSeverity, RiskRating, Role } from "@openaims/contracts";
import type { GateFacts, GateRiskFact } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { findSystemImpactStatus } from "../impact-assessments/index.js";

/** The system a gate is evaluated for, as the facts need it. */
export interface GateSystem {
  id: string;
  materialChangedAt: Date;
}

/** An acceptance covers its last day whole: it lapses at the start of the next (UTC). */
function acceptanceEnd(lastDay: string | null): Date | null {
  if (!lastDay) return null;
  const end = new Date(`${lastDay}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

async function riskFacts(db: Kysely<Database>, orgId: string, systemId: string): Promise<GateRiskFact[]> {
  const rows = await db
    .selectFrom("risks")
    .select([
      "ref",
      "status",
      "inherent_rating",
      "residual_rating",
      "reviewed_at",
      "created_at",
      "rereview_requested_at",
      "accepted_until",
    ])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .where("archived_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ref: row.ref,
    rating: (row.residual_rating ?? row.inherent_rating) as RiskRating | null,
    open: row.status !== "closed",
    reviewedAt: row.reviewed_at ?? row.created_at,
    needsReReview: row.rereview_requested_at !== null,
    acceptedUntil: row.status === "accepted" ? acceptanceEnd(row.accepted_until) : null,
  }));
}

async function latestScanFact(db: Kysely<Database>, orgId: string, systemId: string) {
  const scan = await db
    .selectFrom("redteam_scans")
    .select(["id", "ref", "finished_at"])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .where("status", "=", "completed")
    .where("archived_at", "is", null)
    .where("finished_at", "is not", null)
    .orderBy("finished_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!scan?.finished_at) return null;
  const findings = await db
    .selectFrom("redteam_findings")
    .select("severity")
    .where("org_id", "=", orgId)
    .where("scan_id", "=", scan.id)
    .where("status", "=", "open")
    .execute();
  return {
    ref: scan.ref,
    finishedAt: scan.finished_at,
    openFindings: findings.map((finding) => finding.severity as RedteamSeverity),
  };
}

/**
 * Sign-offs for moving the system into `stage` that still count: those given after the system last
 * changed materially (a material change asks everyone to look again).
 */
export async function currentSignOffs(db: Kysely<Database>, orgId: string, system: GateSystem, stage: LifecycleStage) {
  return db
    .selectFrom("gate_sign_offs")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("system_id", "=", system.id)
    .where("stage", "=", stage)
    .where("signed_at", ">=", system.materialChangedAt)
    .orderBy("signed_at")
    .execute();
}

/**
 * Everything a gate reads about one system, gathered from the records with queries scoped to the
 * system: its impact assessment state, its risks, its newest completed red-team scan with the
 * severities of the findings still open, and the sign-offs for the stage.
 */
export async function loadGateFacts(
  db: Kysely<Database>,
  orgId: string,
  system: GateSystem,
  stage: LifecycleStage,
  now = new Date(),
): Promise<{ facts: GateFacts; signOffRows: Awaited<ReturnType<typeof currentSignOffs>> }> {
  // Independent reads: on a pool they run side by side, in a transaction one after another.
  const [status, risks, latestScan, signOffRows] = await Promise.all([
    findSystemImpactStatus(db, orgId, system.id),
    riskFacts(db, orgId, system.id),
    latestScanFact(db, orgId, system.id),
    currentSignOffs(db, orgId, system, stage),
  ]);
  const state = status?.state ?? "none";
  const ref = status?.approved?.ref ?? status?.open?.ref ?? null;
  return {
    facts: {
      now,
      impactAssessment: { state, ref },
      risks,
      latestScan,
      signOffs: signOffRows.map((row) => ({ role: row.role as Role, name: row.signer_label })),
    },
    signOffRows,
  };
}
