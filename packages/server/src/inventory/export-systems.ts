import { type Routes, systemColumns } from "@openaims/contracts";
import { systemExportRow } from "@openaims/core";
import { exportColumnsOf, exportOrgTable } from "../exports/index.js";
import type { Handler } from "../http/handler-context.js";
import { presentSystem, systemQuery } from "./system-queries.js";

/**
 * The organisation's active AI systems as a table whose columns are exactly what the import reads,
 * so an exported CSV or XLSX file imports back without changes.
 */
export const exportSystems: Handler<Routes["exportSystems"]> = async ({ tx, org, input }) => {
  const rows = await systemQuery(tx, org.orgId)
    .where("ai_systems.archived_at", "is", null)
    .orderBy("ai_systems.name")
    .orderBy("ai_systems.slug")
    .execute();
  return exportOrgTable(
    tx,
    org.orgId,
    {
      title: "AI systems",
      generatedAt: new Date(),
      version: "current",
      // The inventory is a live record with no approval step of its own; the cover says "Not approved".
      approval: null,
      columns: exportColumnsOf(systemColumns),
      rows: rows.map((row) => systemExportRow(presentSystem(row))),
      filenameStem: "ai-systems",
    },
    input.query.format,
  );
};
