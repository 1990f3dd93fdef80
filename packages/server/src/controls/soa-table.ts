import { labelOf, type SoaRow } from "@openaims/contracts";
import { findAnnexAArea } from "@openaims/core";
import type { TableExport } from "../exports/index.js";

const columns: TableExport["columns"] = [
  { key: "ref", header: "Control", width: 9 },
  { key: "title", header: "Title", width: 24 },
  { key: "area", header: "Area", width: 18 },
  { key: "applicable", header: "Applicable", width: 10 },
  { key: "justification", header: "Justification", width: 34 },
  { key: "implementationStatus", header: "Implementation status", width: 13 },
  { key: "effectiveStatus", header: "Effective status", width: 15 },
  { key: "owner", header: "Owner", width: 14 },
  { key: "riskRefs", header: "Linked risks", width: 12 },
  { key: "evidenceRefs", header: "Evidence", width: 12 },
  { key: "overrideReason", header: "Override reason", width: 20 },
];

function areaLabel(areaId: string | null): string {
  if (!areaId) return "Custom";
  const area = findAnnexAArea(areaId);
  return area ? `${area.id} ${area.title}` : areaId;
}

/** The Statement of Applicability as an export table: one line per control, values as people read them. */
export function soaTable(input: {
  rows: readonly SoaRow[];
  /** "draft" or "v3". */
  version: string;
  /** Who approved the version and when; null for the draft. */
  approval: TableExport["approval"];
  generatedAt: Date;
}): Omit<TableExport, "orgName"> {
  return {
    title: "Statement of Applicability",
    generatedAt: input.generatedAt,
    version: input.version,
    approval: input.approval,
    filenameStem: `statement-of-applicability-${input.version}`,
    columns,
    rows: input.rows.map((row) => ({
      ref: row.ref,
      title: row.title,
      area: areaLabel(row.areaId),
      applicable: row.applicable === null ? "Undecided" : row.applicable ? "Yes" : "No",
      justification: row.justification,
      implementationStatus: labelOf("implementationStatus", row.implementationStatus),
      effectiveStatus: labelOf("effectiveStatus", row.effectiveStatus),
      owner: row.owner,
      riskRefs: row.riskRefs.join(", "),
      evidenceRefs: row.evidenceRefs.join(", "),
      overrideReason: row.overrideReason,
    })),
  };
}
