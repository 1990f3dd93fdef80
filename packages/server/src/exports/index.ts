export {
  contentHashDefinition,
  type ExportCell,
  type ExportColumn,
  type ExportHeaderTarget,
  exportHeaders,
  exportTable,
  type TableExport,
} from "./export-table.js";
export { exportContent, exportContentHash } from "./table-export.js";
