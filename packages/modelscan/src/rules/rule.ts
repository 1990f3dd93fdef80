import type { ModelScanSeverity } from "@openaims/contracts";

/**
 * A check of the scanner: its id (`<format>.<what>`), default severity, the weaknesses it maps to
 * and the help text SARIF and the report show. Each format module exports its own rules; the
 * registry in rules/index.ts joins them and fails on a duplicate id.
 */
export interface Rule {
  id: string;
  title: string;
  severity: ModelScanSeverity;
  /** CWE ids, e.g. CWE-502 (deserialisation of untrusted data). */
  cwe: string[];
  /** OWASP Top 10 for Agentic Applications ids, e.g. ASI04 (agentic supply chain). */
  owaspAgentic: string[];
  /** Plain words: why this matters and what to do. */
  help: string;
}
