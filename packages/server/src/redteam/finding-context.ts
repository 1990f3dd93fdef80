import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, staleVersion } from "../http/app-error.js";
import type { FindingFacts } from "./finding-text.js";
import { type FindingRow, lockFinding } from "./redteam-queries.js";

const statusWords: Record<string, string> = {
  risk_raised: "has already been raised as a risk",
  nonconformity_raised: "has already been raised as a nonconformity",
  dismissed: "has been dismissed",
};

/** An open finding, locked, with its scan and system; 409 when it was already acted on or changed since. */
export async function lockOpenFinding(tx: Kysely<Database>, orgId: string, findingId: string, version: number) {
  const finding = await lockFinding(tx, orgId, findingId);
  const scan = await tx
    .selectFrom("redteam_scans as s")
    .innerJoin("ai_systems as sys", "sys.id", "s.system_id")
    .select([
      "s.id",
      "s.ref",
      "s.finished_at",
      "s.evidence_id",
      "sys.id as system_id",
      "sys.name as system_name",
      "sys.owner_member_id as system_owner_member_id",
      "sys.archived_at as system_archived_at",
    ])
    .where("s.org_id", "=", orgId)
    .where("s.id", "=", finding.scan_id)
    .executeTakeFirstOrThrow();
  if (finding.status !== "open") {
    const raised = finding.risk_ref ?? finding.nonconformity_ref;
    throw new AppError(
      "illegal_transition",
      `Finding ${finding.case_id} of scan ${scan.ref} ${statusWords[finding.status] ?? finding.status}${raised ? ` (${raised})` : ""}.`,
    );
  }
  if (finding.version !== version) throw staleVersion("finding", finding.version, version);
  return { finding, scan };
}

export type OpenFinding = Awaited<ReturnType<typeof lockOpenFinding>>;

export function factsOf({ finding, scan }: { finding: FindingRow; scan: OpenFinding["scan"] }): FindingFacts {
  return {
    title: finding.title,
    probeId: finding.probe_id,
    caseId: finding.case_id,
    variant: finding.variant,
    category: finding.category,
    severity: finding.severity,
    detail: finding.detail,
    tags: finding.tags,
    scanRef: scan.ref,
    scanFinishedAt: scan.finished_at,
    systemName: scan.system_name,
  };
}

/** Records what became of a finding: its new status, what it was raised as, a new version. */
export async function settleFinding(
  tx: Kysely<Database>,
  finding: FindingRow,
  change: { status: string; risk_id?: string; nonconformity_id?: string; dismissal_reason?: string },
): Promise<void> {
  await tx
    .updateTable("redteam_findings")
    .set({ ...change, version: finding.version + 1, updated_at: new Date() })
    .where("id", "=", finding.id)
    .execute();
}
