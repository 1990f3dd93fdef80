/**
 * @openaims/redteam: a deterministic red-team scanner for LLM applications, usable as a library
 * (runScan, scanToFolder, scanInMemory), from `aims redteam`, and from the server.
 */

export { type LoadedScanConfig, loadScanConfig } from "./config/load-config.js";
export { defaultPack, type LoadedPack, loadPacks } from "./config/load-packs.js";
export {
  type JudgeConfig,
  parseScanConfig,
  type ReportFormat,
  reportFormats,
  type ScanConfig,
  ScanConfigError,
  type ScanConfigInput,
  scanConfigSchema,
} from "./config/scan-config.js";
export * from "./model.js";
export { toPromptfooConfig } from "./reports/promptfoo-export.js";
export { planScan } from "./runner/plan-scan.js";
export { configHash, type RunScanOptions, runScan, type ScanRun } from "./runner/run-scan.js";
export { type ScanInMemory, scanInMemory } from "./runner/scan-in-memory.js";
export { type ScanToFolderOptions, scanToFolder } from "./runner/scan-to-folder.js";
export { SCANNER_VERSION } from "./runner/scanner-version.js";
export { outputFileNames, renderReport, type WrittenOutputs } from "./runner/write-scan-outputs.js";
export { countByCategory, countVerdicts } from "./summary/count-verdicts.js";
export { parseTargetShorthand, type TargetConfig, targetConfigSchema } from "./targets/target-config.js";
export { BLOCKED_PREFIX, DECISION_KEY, readToolResult } from "./targets/tool-result.js";
