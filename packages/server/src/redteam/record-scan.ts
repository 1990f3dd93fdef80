import { createHash, randomUUID } from "node:crypto";
import type { RedteamScanOrigin, UploadedScanSummary } from "@openaims/contracts";
import { canonicalJson, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { insertEvidence } from "../evidence/insert-evidence.js";
import { resolveEvidenceTargets } from "../evidence/resolve-evidence-targets.js";
import { nextRef } from "../records/next-ref.js";
import { caseDecided, scanEvidenceTargets } from "./scan-evidence-targets.js";
import { scanEvidenceBody, scanEvidenceTitle } from "./scan-evidence-text.js";
import { countBySeverity, type FindingDraft, findingsOf } from "./scan-findings.js";
import type { ScanSystem } from "./scan-system.js";

/** Where and as whom a scan is recorded: the caller's transaction and audit trail. */
export interface ScanRecorder {
  tx: Kysely<Database>;
  orgId: string;
  membershipId: string | null;
  audit: (event: AuditEvent) => Promise<void>;
}

export interface ScanResult {
  system: ScanSystem;
  origin: RedteamScanOrigin;
  summary: UploadedScanSummary;
  /** The HTML report, when it is stored with the results (server-side scans). */
  report?: { sha256: string; size: number } | null;
  /** The row of a server-side scan that has been running; absent for an uploaded summary. */
  runningScanId?: string;
}

/** SHA-256 of the canonical JSON (keys sorted) of a summary: the same whatever order its keys arrived in. */
export function summarySha256(summary: UploadedScanSummary): string {
  return createHash("sha256").update(canonicalJson(summary)).digest("hex");
}

const FINDING_CHUNK = 500;

async function insertFindings(
  tx: Kysely<Database>,
  orgId: string,
  scanId: string,
  findings: FindingDraft[],
): Promise<void> {
  for (let start = 0; start < findings.length; start += FINDING_CHUNK) {
    await tx
      .insertInto("redteam_findings")
      .values(
        findings.slice(start, start + FINDING_CHUNK).map((finding) => ({
          id: randomUUID(),
          org_id: orgId,
          scan_id: scanId,
          case_id: finding.caseId,
          probe_id: finding.probeId,
          variant: finding.variant,
          title: finding.title,
          category: finding.category,
          severity: finding.severity,
          severity_rank: finding.severityRank,
          tags: JSON.stringify(finding.tags),
          detail: finding.detail,
          status: "open",
        })),
      )
      .execute();
  }
}

/** The org's live control records among these references; archived or missing ones are skipped. */
async function liveControlRefs(tx: Kysely<Database>, orgId: string, refs: string[]): Promise<string[]> {
  const rows = await tx
    .selectFrom("controls")
    .select("ref")
    .where("org_id", "=", orgId)
    .where("ref", "in", refs)
    .where("archived_at", "is", null)
    .execute();
  const live = new Set(rows.map((row) => row.ref));
  return refs.filter((ref) => live.has(ref));
}

/**
 * Stores a finished scan: the scan row (new, or the running one completed), one finding per
 * vulnerable case, and one evidence record linked to the system, A.6.2.4, the Annex A controls and
 * the clauses the probes are tagged with, through the evidence module so its expiry is derived like
 * any other evidence. Everything happens in the caller's transaction, with audit entries. Returns the scan id.
 */
export async function recordScan(recorder: ScanRecorder, result: ScanResult): Promise<string> {
  const { tx, orgId, audit } = recorder;
  const { summary, system } = result;
  const findings = findingsOf(summary);
  const bySeverity = countBySeverity(findings);
  const hash = summarySha256(summary);
  // A scan in which no case reached a verdict (the target was never reached) tested nothing: it is
  // kept as failed, off the trend, and is no evidence for any control.
  const decided = summary.cases.some(caseDecided);
  const status = !decided ? "failed" : summary.complete ? "completed" : "partial";
  const finishedAt = new Date(summary.finishedAt);
  const columns = {
    status,
    target_kind: summary.target.kind,
    target_endpoint: summary.target.endpoint,
    target_model: summary.target.model ?? null,
    pack_id: summary.pack.id,
    pack_version: summary.pack.version,
    pack_sha256: summary.pack.sha256,
    config_sha256: summary.configSha256,
    scanner_version: summary.scanner.version,
    seed: summary.seed,
    progress_done: null,
    progress_total: null,
    started_at: new Date(summary.startedAt),
    finished_at: finishedAt,
    duration_ms: Math.min(2_147_483_647, Math.round(summary.durationMs)),
    cases: summary.totals.cases,
    vulnerable: summary.totals.vulnerable,
    blocked: summary.totals.blocked,
    not_observed: summary.totals.not_observed,
    inconclusive: summary.totals.inconclusive,
    error: summary.totals.error,
    by_category: JSON.stringify(summary.byCategory),
    vulnerable_by_severity: JSON.stringify(bySeverity),
    problems: JSON.stringify(summary.problems),
    summary: JSON.stringify(summary),
    summary_sha256: hash,
    transcript_sha256: summary.artifacts.find((artifact) => artifact.kind === "transcript")?.sha256 ?? null,
    report_sha256: result.report?.sha256 ?? null,
    report_size: result.report?.size ?? null,
  };

  let scanId: string;
  let ref: string;
  if (result.runningScanId) {
    const row = await tx
      .updateTable("redteam_scans")
      .set({ ...columns, updated_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", result.runningScanId)
      .returning(["id", "ref"])
      .executeTakeFirstOrThrow();
    scanId = row.id;
    ref = row.ref;
  } else {
    scanId = randomUUID();
    ref = await nextRef(tx, orgId, "redteam_scan", "RT");
    await tx
      .insertInto("redteam_scans")
      .values({
        id: scanId,
        org_id: orgId,
        ref,
        system_id: system.id,
        origin: result.origin,
        created_by_member_id: recorder.membershipId,
        ...columns,
      })
      .execute();
  }
  await insertFindings(tx, orgId, scanId, findings);

  const evidenceId = decided ? await recordScanEvidence(recorder, result, { scanId, ref, hash, bySeverity }) : null;
  await audit({
    action: "redteam_scan.recorded",
    entityType: "redteam_scan",
    entityId: scanId,
    changes: diffChanges(null, {
      ref,
      system: system.slug,
      origin: result.origin,
      status,
      pack: `${summary.pack.id} ${summary.pack.version}`,
      seed: summary.seed,
      cases: summary.totals.cases,
      vulnerable: summary.totals.vulnerable,
      blocked: summary.totals.blocked,
      findings: findings.length,
      summarySha256: hash,
      evidenceId,
    }),
  });
  return scanId;
}

/** The scan's one evidence record, linked to the system and the tested controls and clauses. */
async function recordScanEvidence(
  recorder: ScanRecorder,
  result: ScanResult,
  scan: { scanId: string; ref: string; hash: string; bySeverity: ReturnType<typeof countBySeverity> },
): Promise<string> {
  const { tx, orgId, audit } = recorder;
  const { summary, system } = result;
  const { scanId, ref, hash, bySeverity } = scan;
  const finishedAt = new Date(summary.finishedAt);
  const wanted = scanEvidenceTargets(summary);
  const targets = await resolveEvidenceTargets(
    tx,
    orgId,
    {
      controlIds: await liveControlRefs(tx, orgId, wanted.controlIds),
      clauseIds: wanted.clauseIds,
      riskIds: [],
      systemIds: [system.id],
    },
    "body",
  );
  const facts = { ref, system, origin: result.origin, summary, summarySha256: hash, vulnerableBySeverity: bySeverity };
  const evidenceId = await insertEvidence(
    tx,
    orgId,
    {
      kind: "record",
      source: "engine",
      title: scanEvidenceTitle(facts),
      description: `Red-team scan ${ref}, probe pack ${summary.pack.id} ${summary.pack.version}.`,
      url: null,
      body: scanEvidenceBody(facts),
      file: null,
      // A scanner clock slightly ahead of the server's must not make the evidence "collected in the future".
      collectedAt: new Date(Math.min(finishedAt.getTime(), Date.now())),
      explicitValidUntil: null,
      createdByMemberId: recorder.membershipId,
      targets,
    },
    audit,
  );
  await tx.updateTable("redteam_scans").set({ evidence_id: evidenceId }).where("id", "=", scanId).execute();
  return evidenceId;
}
