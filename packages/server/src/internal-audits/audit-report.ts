import { type AuditResult, auditResults, type InternalAuditDetail, labelOf, type Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { type ExportCell, type ExportColumn, exportOrgTable } from "../exports/index.js";
import type { Handler } from "../http/handler-context.js";
import { loadAuditDetail } from "./audit-detail.js";

const columns: ExportColumn[] = [
  { key: "section", header: "Section", width: 16 },
  { key: "reference", header: "Reference", width: 12 },
  { key: "item", header: "Item", width: 36 },
  { key: "result", header: "Result", width: 18 },
  { key: "details", header: "Details", width: 70 },
];

type Row = Record<string, ExportCell>;
const row = (section: string, reference: string, item: string, result: string, details: string): Row => ({
  section,
  reference,
  item,
  result,
  details,
});

/** The report as one table: the audit's facts, scope, criteria and team, each result, the counts, what was raised and the conclusion. */
export function auditReportRows(audit: InternalAuditDetail): Row[] {
  const rows: Row[] = [
    row(
      "Audit",
      audit.ref,
      audit.title,
      labelOf("internalAuditStatus", audit.status),
      `Planned ${audit.plannedStart} to ${audit.plannedEnd}`,
    ),
  ];
  if (audit.programme) rows.push(row("Audit", audit.programme.ref, "Programme", "", audit.programme.title));
  if (audit.startedAt) rows.push(row("Audit", "", "Fieldwork started", "", audit.startedAt.slice(0, 10)));
  if (audit.closedAt) rows.push(row("Audit", "", "Closed", "", audit.closedAt.slice(0, 10)));
  const whole = audit.scope.clauseIds.length === 0 && audit.scope.controlIds.length === 0;
  rows.push(
    row(
      "Scope",
      "",
      "Clauses",
      "",
      whole ? "All clauses 4–10 (the whole standard)" : audit.scope.clauseIds.join(", ") || "None",
    ),
    row(
      "Scope",
      "",
      "Annex A controls",
      "",
      whole ? "All 38 Annex A controls (the whole standard)" : audit.scope.controlIds.join(", ") || "None",
    ),
    row(
      "Scope",
      "",
      "AI systems",
      "",
      audit.scope.systems.map((s) => `${s.name} (${s.slug})`).join(", ") || "None named",
    ),
    row("Scope", "", "Processes", "", audit.scope.processes.join("; ") || "None named"),
    row("Criteria", "", "Audit criteria", "", audit.criteria),
  );
  if (audit.lead) rows.push(row("Team", "", "Lead auditor", "", audit.lead.name));
  for (const auditor of audit.auditors) rows.push(row("Team", "", "Auditor", "", auditor.name));
  for (const warning of audit.independenceWarnings) rows.push(row("Team", "", "Independence", "", warning.message));
  for (const item of audit.items) {
    const details = [
      item.notes ? `Notes: ${item.notes}` : "",
      item.samples ? `Samples: ${item.samples}` : "",
      item.evidence.length > 0 ? `Evidence: ${item.evidence.map((e) => e.ref).join(", ")}` : "",
      item.nonconformity ? `Raised ${item.nonconformity.ref}` : "",
      item.improvement ? `Logged ${item.improvement.ref}` : "",
      item.answeredBy ? `Answered by ${item.answeredBy.name}` : "",
    ].filter(Boolean);
    rows.push(
      row(
        "Results",
        item.requirementId,
        item.title,
        item.result ? labelOf("auditResult", item.result) : "Unanswered",
        details.join("\n"),
      ),
    );
  }
  const counts = audit.progress.counts;
  rows.push(row("Summary", "", "Answered", "", `${audit.progress.answered} of ${audit.progress.total}`));
  for (const result of auditResults as readonly AuditResult[])
    rows.push(row("Summary", "", labelOf("auditResult", result), "", String(counts[result])));
  for (const nc of audit.nonconformities) {
    const item = audit.items.find((i) => i.id === nc.itemId);
    rows.push(
      row(
        "Nonconformities",
        nc.ref,
        nc.title,
        labelOf("nonconformitySeverity", nc.severity),
        `Status: ${labelOf("nonconformityStatus", nc.status)}${item ? `; from ${item.requirementId}` : ""}`,
      ),
    );
  }
  if (audit.nonconformities.length === 0) rows.push(row("Nonconformities", "", "None raised", "", ""));
  for (const imp of audit.improvements)
    rows.push(row("Improvements", imp.ref, imp.title, "", `Status: ${labelOf("improvementStatus", imp.status)}`));
  rows.push(row("Conclusion", "", "Conclusion", "", audit.conclusion || "Not yet written"));
  return rows;
}

/** Who closed the audit and when, from its audit trail: the report's sign-off. */
async function closing(db: Kysely<Database>, orgId: string, audit: InternalAuditDetail) {
  if (audit.status !== "closed") return null;
  const entry = await db
    .selectFrom("audit_entries as e")
    // actor_id is text (it may name a system actor); people's ids compare as text.
    .leftJoin("users as u", (join) => join.on(sql`u.id::text`, "=", sql.ref("e.actor_id")))
    .select(["e.actor_label", "e.at", "u.name", "u.email"])
    .where("e.org_id", "=", orgId)
    .where("e.entity_id", "=", audit.id)
    .where("e.action", "=", "internal_audit.status_changed")
    .orderBy("e.seq", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!entry) return null;
  // The person, whether they closed it in the browser or through their API token.
  const approvedBy = entry.name && entry.email ? `${entry.name} <${entry.email}>` : entry.actor_label;
  return { approvedBy, approvedAt: entry.at };
}

/**
 * The audit report as PDF or XLSX through the shared export toolkit, so it states organisation, date,
 * version (the audit's version) and the SHA-256 of its content like every other export.
 */
export const exportInternalAuditReport: Handler<Routes["exportInternalAuditReport"]> = async ({ tx, org, input }) => {
  const audit = await loadAuditDetail(tx, org.orgId, input.params.auditId);
  return exportOrgTable(
    tx,
    org.orgId,
    {
      title: `Internal audit report ${audit.ref}`,
      generatedAt: new Date(),
      version: `v${audit.version}`,
      // A closed audit's report is signed off by whoever closed it; before that it is "Not approved".
      approval: await closing(tx, org.orgId, audit),
      filenameStem: `internal-audit-${audit.ref}-v${audit.version}`,
      columns,
      rows: auditReportRows(audit),
    },
    input.query.format,
  );
};
