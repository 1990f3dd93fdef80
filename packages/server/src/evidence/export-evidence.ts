import { type Evidence, labelOf, type Routes } from "@openaims/contracts";
import { type ExportColumn, exportOrgTable } from "../exports/index.js";
import type { Handler } from "../http/handler-context.js";
import { filteredEvidence } from "./list-evidence.js";
import { presentEvidenceRows } from "./present-evidence.js";

const columns: ExportColumn[] = [
  { key: "ref", header: "Ref", width: 8 },
  { key: "title", header: "Title", width: 30 },
  { key: "kind", header: "Kind", width: 8 },
  { key: "source", header: "Source", width: 8 },
  { key: "collected", header: "Collected", width: 12 },
  { key: "validUntil", header: "Valid until", width: 12 },
  { key: "state", header: "State", width: 9 },
  { key: "sha256", header: "SHA-256", width: 30 },
  { key: "controls", header: "Controls", width: 16 },
  { key: "clauses", header: "Clauses", width: 12 },
  { key: "risks", header: "Risks", width: 12 },
  { key: "systems", header: "Systems", width: 16 },
  { key: "assets", header: "Assets", width: 16 },
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

function refsOf(item: Evidence, type: Evidence["links"][number]["targetType"]): string {
  return item.links
    .filter((link) => link.targetType === type)
    .map((link) => link.ref)
    .join(", ");
}

/** The active evidence register, one row per piece of evidence with its hash and links. */
export const exportEvidence: Handler<Routes["exportEvidence"]> = async ({ tx, org, input }) => {
  const rows = await filteredEvidence(tx, org.orgId, { status: "active" }, new Date())
    .orderBy("evidence.collected_at", "asc")
    .orderBy("evidence.id", "asc")
    .execute();
  const evidence = await presentEvidenceRows(tx, org.orgId, rows);
  return exportOrgTable(
    tx,
    org.orgId,
    {
      title: "Evidence register",
      generatedAt: new Date(),
      version: "current",
      columns,
      filenameStem: "evidence-register",
      rows: evidence.map((item) => ({
        ref: item.ref,
        title: item.title,
        kind: labelOf("evidenceKind", item.kind),
        source: labelOf("evidenceSource", item.source),
        collected: day(item.collectedAt),
        validUntil: item.validUntil ? day(item.validUntil) : "does not expire",
        state: labelOf("evidenceValidityState", item.state),
        sha256: item.file?.sha256 ?? "",
        controls: refsOf(item, "control"),
        clauses: refsOf(item, "clause"),
        risks: refsOf(item, "risk"),
        systems: refsOf(item, "system"),
        assets: refsOf(item, "asset"),
      })),
    },
    input.query.format,
  );
};
