import { labelOf, type Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type ExportColumn, exportOrgTable } from "../exports/index.js";
import type { Handler } from "../http/handler-context.js";
import { presentRisk, riskQuery } from "./risk-queries.js";

const columns: ExportColumn[] = [
  { key: "ref", header: "Ref", width: 7 },
  { key: "title", header: "Title", width: 28 },
  { key: "system", header: "AI system", width: 16 },
  { key: "owner", header: "Owner", width: 14 },
  { key: "status", header: "Status", width: 10 },
  { key: "inherent", header: "Inherent (L×I)", width: 10 },
  { key: "inherentRating", header: "Inherent rating", width: 9 },
  { key: "treatment", header: "Treatment", width: 9 },
  { key: "residual", header: "Residual (L×I)", width: 10 },
  { key: "residualRating", header: "Residual rating", width: 9 },
  { key: "reviewDate", header: "Review date", width: 10 },
  { key: "lastReviewed", header: "Last reviewed", width: 11 },
  { key: "acceptedUntil", header: "Accepted until", width: 10 },
  { key: "threat", header: "Threat", width: 14 },
  { key: "riskSources", header: "Annex C sources", width: 10 },
  { key: "controls", header: "Controls", width: 12 },
  { key: "evidence", header: "Evidence", width: 10 },
];

/** Refs of live links from each risk to other records, "A.6.2.4, C-3" per risk id. */
async function linkedRefs(db: Kysely<Database>, orgId: string) {
  const controls = await db
    .selectFrom("control_risks")
    .innerJoin("controls", "controls.id", "control_risks.control_id")
    .select(["control_risks.risk_id as riskId", "controls.ref"])
    .where("control_risks.org_id", "=", orgId)
    .where("control_risks.archived_at", "is", null)
    .where("controls.archived_at", "is", null)
    .orderBy("controls.ref")
    .execute();
  const evidence = await db
    .selectFrom("evidence_links")
    .innerJoin("evidence", "evidence.id", "evidence_links.evidence_id")
    .select(["evidence_links.target_id as riskId", "evidence.ref"])
    .where("evidence_links.org_id", "=", orgId)
    .where("evidence_links.target_type", "=", "risk")
    .where("evidence_links.archived_at", "is", null)
    .where("evidence.archived_at", "is", null)
    .orderBy("evidence.ref")
    .execute();
  const group = (rows: { riskId: string | null; ref: string }[]) => {
    const map = new Map<string, string[]>();
    for (const row of rows) if (row.riskId) map.set(row.riskId, [...(map.get(row.riskId) ?? []), row.ref]);
    return map;
  };
  return { controls: group(controls), evidence: group(evidence) };
}

const pair = (l: number | null, i: number | null) => (l === null || i === null ? null : `${l}×${i}`);

/** The register as it stands (archived risks left out), oldest reference first, with linked controls and evidence. */
export const exportRisks: Handler<Routes["exportRisks"]> = async ({ tx, org, input }) => {
  const rows = await riskQuery(tx, org.orgId)
    .where("risks.archived_at", "is", null)
    .orderBy("risks.created_at")
    .orderBy("risks.id")
    .execute();
  const links = await linkedRefs(tx, org.orgId);
  const generatedAt = new Date();
  return exportOrgTable(
    tx,
    org.orgId,
    {
      title: "Risk register",
      generatedAt,
      version: `as of ${generatedAt.toISOString().slice(0, 10)}`,
      // The register is a live record with no approval step of its own; the cover says "Not approved".
      approval: null,
      filenameStem: `risk-register-${generatedAt.toISOString().slice(0, 10)}`,
      columns,
      rows: rows.map((row) => {
        const risk = presentRisk(row);
        return {
          ref: risk.ref,
          title: risk.title,
          system: risk.system?.name ?? "Organisation-wide",
          owner: risk.owner?.name ?? null,
          status: risk.acceptanceExpired ? "Accepted (expired)" : labelOf("riskStatus", risk.status),
          inherent: pair(risk.inherentLikelihood, risk.inherentImpact),
          inherentRating: risk.inherentRating && labelOf("riskRating", risk.inherentRating),
          treatment: risk.treatmentOption && labelOf("treatmentOption", risk.treatmentOption),
          residual: pair(risk.residualLikelihood, risk.residualImpact),
          residualRating: risk.residualRating && labelOf("riskRating", risk.residualRating),
          reviewDate: risk.reviewDate,
          // An auditor sees both when the assessment was last confirmed and that a change reopened it.
          lastReviewed: `${risk.reviewedAt.slice(0, 10)}${risk.needsReview ? ", re-review asked" : ""}`,
          acceptedUntil: risk.acceptedUntil,
          threat: risk.threatId,
          riskSources: risk.riskSources.join(", ") || null,
          controls: links.controls.get(risk.id)?.join(", ") ?? null,
          evidence: links.evidence.get(risk.id)?.join(", ") ?? null,
        };
      }),
    },
    input.query.format,
  );
};
