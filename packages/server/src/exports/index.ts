export {
  contentHashDefinition,
  type ExportApproval,
  type ExportCell,
  type ExportColumn,
  exportColumnsOf,
  exportHeaders,
  exportOrgTable,
  exportTable,
  type TableExport,
} from "./export-table.js";
export { exportContent, exportContentHash } from "./table-export.js";
