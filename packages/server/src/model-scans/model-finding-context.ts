import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, staleVersion } from "../http/app-error.js";
import { lockModelFinding, type ModelFindingRow } from "./model-scan-queries.js";

const statusWords: Record<string, string> = {
  risk_raised: "has already been raised as a risk",
  nonconformity_raised: "has already been raised as a nonconformity",
  dismissed: "has been dismissed",
};

/** An open finding, locked, with its scan, asset and system; 409 when it was already acted on or changed since. */
export async function lockOpenModelFinding(tx: Kysely<Database>, orgId: string, findingId: string, version: number) {
  const finding = await lockModelFinding(tx, orgId, findingId);
  const scan = await tx
    .selectFrom("model_scans as s")
    .leftJoin("ai_assets as a", "a.id", "s.asset_id")
    .leftJoin("ai_systems as sys", "sys.id", "s.system_id")
    .select([
      "s.id",
      "s.ref",
      "s.finished_at",
      "s.evidence_id",
      "a.name as asset_name",
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
      `Finding "${finding.title}" of model scan ${scan.ref} ${statusWords[finding.status] ?? finding.status}${raised ? ` (${raised})` : ""}.`,
    );
  }
  if (finding.version !== version) throw staleVersion("finding", finding.version, version);
  return { finding, scan };
}

export type OpenModelFinding = Awaited<ReturnType<typeof lockOpenModelFinding>>;

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "Pickle calls os.system (MS-3)". */
export function raisedModelTitle({ finding, scan }: OpenModelFinding): string {
  const tail = ` (${scan.ref})`;
  return `${cut(finding.title, TITLE_MAX - tail.length)}${tail}`;
}

/** A plain account of the finding: which file of which asset, what the scanner found, and its weakness ids. */
export function raisedModelDescription({ finding, scan }: OpenModelFinding): string {
  const where = finding.location ? ` at ${finding.location}` : "";
  const asset = scan.asset_name ? ` of the asset ${scan.asset_name}` : "";
  const ids = [...(finding.tags.cwe ?? []), ...(finding.tags.owaspAgentic ?? []).map((id) => `OWASP Agentic ${id}`)];
  const text = [
    `Model scan ${scan.ref} (${scan.finished_at.toISOString().slice(0, 10)}) found in ${finding.file_path}${where}${asset}: ` +
      `${finding.title} (rule ${finding.rule_id}, severity ${finding.severity}).`,
    "",
    finding.detail,
    ...(ids.length ? ["", ids.join("; ")] : []),
  ].join("\n");
  return cut(text, DESCRIPTION_MAX);
}

/** Records what became of a finding: its new status, what it was raised as, a new version. */
export async function settleModelFinding(
  tx: Kysely<Database>,
  finding: ModelFindingRow,
  change: { status: string; risk_id?: string; nonconformity_id?: string; dismissal_reason?: string },
): Promise<void> {
  await tx
    .updateTable("model_scan_findings")
    .set({ ...change, version: finding.version + 1, updated_at: new Date() })
    .where("id", "=", finding.id)
    .execute();
}
