import { createHash, randomUUID } from "node:crypto";
import type {
  ModelProvenance,
  ModelScanOrigin,
  ModelScanReport,
  ModelScanSeverity,
  ModelSignatureResult,
} from "@openaims/contracts";
import { canonicalJson, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { insertEvidence } from "../evidence/insert-evidence.js";
import { resolveEvidenceTargets } from "../evidence/resolve-evidence-targets.js";
import { nextRef } from "../records/next-ref.js";
import type { ScanSystem } from "../redteam/scan-system.js";
import { modelScanControlIds, modelScanRecordTargets } from "./model-scan-evidence-targets.js";
import { modelScanEvidenceBody, modelScanEvidenceTitle } from "./model-scan-evidence-text.js";
import { scanStatusOf, verdictOf } from "./model-scan-verdict.js";
import type { ScanAsset } from "./scan-asset.js";

/** Where and as whom a scan is recorded: the caller's transaction and audit trail. */
export interface ModelScanRecorder {
  tx: Kysely<Database>;
  orgId: string;
  membershipId: string | null;
  audit: (event: AuditEvent) => Promise<void>;
}

export interface ModelScanInput {
  asset: ScanAsset;
  system: ScanSystem | null;
  origin: ModelScanOrigin;
  report: ModelScanReport;
  signature: ModelSignatureResult | null;
  provenance: ModelProvenance | null;
  startedAt: Date;
  finishedAt: Date;
}

/** SHA-256 of the canonical JSON (keys sorted) of a report: the same whatever order its keys arrived in. */
export function reportSha256(report: ModelScanReport): string {
  return createHash("sha256").update(canonicalJson(report)).digest("hex");
}

const severityRank: Record<ModelScanSeverity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
const FINDING_CHUNK = 500;

/**
 * Stores a scan in the caller's transaction: the scan row, one row per finding, one evidence record
 * (unless no file could be read) linked to the system and the supply-chain and data controls, and the
 * audit entry. Returns the scan id.
 */
export async function recordModelScan(recorder: ModelScanRecorder, input: ModelScanInput): Promise<string> {
  const { tx, orgId, audit } = recorder;
  const { report } = input;
  const hash = reportSha256(report);
  const status = scanStatusOf(report.summary);
  const bySeverity = report.summary.bySeverity;
  const signatureStatus = input.signature?.status ?? "not_checked";
  const scanId = randomUUID();
  const ref = await nextRef(tx, orgId, "model_scan", "MS");
  await tx
    .insertInto("model_scans")
    .values({
      id: scanId,
      org_id: orgId,
      ref,
      asset_id: input.asset.id,
      system_id: input.system?.id ?? null,
      origin: input.origin,
      status,
      scanner_version: `${report.scanner.name} ${report.scanner.version}`.slice(0, 200),
      started_at: input.startedAt,
      finished_at: input.finishedAt,
      files_scanned: report.summary.scanned,
      files_failed: report.summary.failed,
      findings_by_severity: JSON.stringify(bySeverity),
      highest_severity: report.summary.highestSeverity,
      files: JSON.stringify(
        report.files.map((file) => ({
          path: file.path,
          format: file.format,
          size: file.size,
          sha256: file.sha256,
          status: file.status,
          error: file.error ?? null,
        })),
      ),
      report: JSON.stringify(report),
      report_sha256: hash,
      signature_status: signatureStatus,
      signature: input.signature ? JSON.stringify(input.signature) : null,
      provenance: input.provenance ? JSON.stringify(input.provenance) : null,
      created_by_member_id: recorder.membershipId,
    })
    .execute();
  for (let start = 0; start < report.findings.length; start += FINDING_CHUNK) {
    await tx
      .insertInto("model_scan_findings")
      .values(
        report.findings.slice(start, start + FINDING_CHUNK).map((finding) => ({
          id: randomUUID(),
          org_id: orgId,
          scan_id: scanId,
          rule_id: finding.ruleId,
          severity: finding.severity,
          severity_rank: severityRank[finding.severity],
          file_path: finding.file,
          location: finding.location,
          title: finding.title,
          detail: finding.detail,
          tags: JSON.stringify({ cwe: finding.cwe, owaspAgentic: finding.owaspAgentic }),
        })),
      )
      .execute();
  }
  const verdict = verdictOf({ status, bySeverity });
  const evidenceId =
    status === "failed" ? null : await recordEvidence(recorder, input, { scanId, ref, hash, verdict, signatureStatus });
  await audit({
    action: "model_scan.recorded",
    entityType: "model_scan",
    entityId: scanId,
    changes: diffChanges(null, {
      ref,
      asset: input.asset.name,
      system: input.system?.slug ?? null,
      origin: input.origin,
      status,
      verdict,
      files: report.summary.files,
      findings: report.findings.length,
      highestSeverity: report.summary.highestSeverity,
      signatureStatus,
      reportSha256: hash,
      evidenceId,
    }),
  });
  return scanId;
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

async function recordEvidence(
  recorder: ModelScanRecorder,
  input: ModelScanInput,
  scan: {
    scanId: string;
    ref: string;
    hash: string;
    verdict: ReturnType<typeof verdictOf>;
    signatureStatus: ModelSignatureResult["status"];
  },
): Promise<string> {
  const { tx, orgId, audit } = recorder;
  const targets = await resolveEvidenceTargets(
    tx,
    orgId,
    {
      controlIds: await liveControlRefs(tx, orgId, modelScanControlIds(input.asset.kind)),
      ...modelScanRecordTargets(input.asset.id, input.system?.id ?? null),
    },
    "body",
  );
  const facts = {
    ref: scan.ref,
    asset: input.asset,
    system: input.system,
    origin: input.origin,
    verdict: scan.verdict,
    report: input.report,
    reportSha256: scan.hash,
    signatureStatus: scan.signatureStatus,
    signature: input.signature,
    finishedAt: input.finishedAt,
  };
  const evidenceId = await insertEvidence(
    tx,
    orgId,
    {
      kind: "record",
      source: "engine",
      title: modelScanEvidenceTitle(facts),
      description: `Model scan ${scan.ref} of the asset ${input.asset.name}.`,
      url: null,
      body: modelScanEvidenceBody(facts),
      file: null,
      collectedAt: new Date(Math.min(input.finishedAt.getTime(), Date.now())),
      explicitValidUntil: null,
      createdByMemberId: recorder.membershipId,
      targets,
    },
    audit,
  );
  await tx.updateTable("model_scans").set({ evidence_id: evidenceId }).where("id", "=", scan.scanId).execute();
  return evidenceId;
}
