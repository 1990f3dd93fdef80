/**
 * The HTML report: one self-contained page (no script, no external resource) for people. Replies
 * carry attack payloads on purpose, so every piece of text is escaped, and a Content-Security-Policy
 * allowing only the report's own stylesheet stops anything that slipped through from running.
 */
import { createHash } from "node:crypto";
import { type CaseResult, categories, type ScanSummary, type VerdictCounts } from "../model.js";
import {
  blockingRulesText,
  caseLabel,
  findingsFirst,
  guidanceById,
  type ProbeGuidance,
  tagList,
  verdictDetails,
  verdictLabel,
} from "./case-facts.js";
import { reportCss } from "./html-style.js";
import { xmlSafe } from "./xml-text.js";

/** What the report shows of one case's exchange: the attack as sent and the reply, shortened. */
export interface HtmlExcerpt {
  request: string;
  reply: string;
}

export interface HtmlOptions {
  /** The pack's probes, for each finding's description and remediation. */
  probes?: readonly ProbeGuidance[];
}

const verdictColumns: Array<[keyof VerdictCounts, string]> = [
  ["vulnerable", "Vulnerable"],
  ["blocked", "Blocked by policy"],
  ["not_observed", "Not observed"],
  ["inconclusive", "Inconclusive"],
  ["error", "Error"],
  ["cases", "Cases"],
];

/** The scan as one HTML document. */
export function toHtml(
  summary: ScanSummary,
  excerpts: ReadonlyMap<string, HtmlExcerpt>,
  options: HtmlOptions = {},
): string {
  const guidance = guidanceById(options.probes);
  const ordered = findingsFirst(summary.cases);
  const findings = ordered.filter((result) => result.verdict === "vulnerable");
  const rest = ordered.filter((result) => result.verdict !== "vulnerable");
  const renderCase = (result: CaseResult, open: boolean) =>
    caseHtml(result, excerpts.get(result.caseId), guidance.get(result.probeId), open);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8"/>',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}"/>`,
    '<meta name="referrer" content="no-referrer"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>Red-team report: ${escapeHtml(summary.target.endpoint)}</title>`,
    `<style>${reportCss}</style>`,
    "</head>",
    "<body>",
    headerHtml(summary),
    totalsHtml(summary),
    `<section class="findings"><h2>Findings (${findings.length})</h2>`,
    findings.length === 0 ? "<p>No probe found a vulnerability in this run.</p>" : "",
    ...findings.map((result) => renderCase(result, true)),
    "</section>",
    `<section class="rest"><h2>Other cases (${rest.length})</h2>`,
    filtersHtml(),
    ...rest.map((result) => renderCase(result, false)),
    "</section>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function contentSecurityPolicy(): string {
  const styleHash = createHash("sha256").update(reportCss).digest("base64");
  return `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'`;
}

function headerHtml(summary: ScanSummary): string {
  const status = summary.complete
    ? '<span class="status-complete">Complete</span>'
    : '<span class="status-partial">Partial: the run stopped early, results are incomplete</span>';
  const facts: Array<[string, string]> = [
    ["Target", `${summary.target.endpoint} (${summary.target.kind})`],
    ...(summary.target.model ? ([["Model", summary.target.model]] as Array<[string, string]>) : []),
    ["Probe pack", `${summary.pack.id} ${summary.pack.version} (${summary.pack.probes} probes)`],
    ["Seed", String(summary.seed)],
    ["Started", summary.startedAt],
    ["Finished", `${summary.finishedAt} (${(summary.durationMs / 1000).toFixed(1)} s)`],
    ["Scanner", `${summary.scanner.name} ${summary.scanner.version}`],
    ["Configuration SHA-256", summary.configSha256],
  ];
  const problems = summary.problems.length
    ? `<h3>Problems</h3><ul>${summary.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join("")}</ul>`
    : "";
  return [
    "<header>",
    "<h1>Red-team scan report</h1>",
    '<dl class="facts">',
    ...facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`),
    `<dt>Status</dt><dd>${status}</dd>`,
    "</dl>",
    problems,
    "</header>",
  ].join("\n");
}

function totalsHtml(summary: ScanSummary): string {
  const head = `<tr><th>Category</th>${verdictColumns.map(([, label]) => `<th>${label}</th>`).join("")}</tr>`;
  const row = (name: string, counts: VerdictCounts) =>
    `<tr><td>${escapeHtml(name)}</td>${verdictColumns.map(([key]) => `<td>${counts[key]}</td>`).join("")}</tr>`;
  const rows = categories
    .filter((category) => summary.byCategory[category].cases > 0)
    .map((category) => row(category.replaceAll("_", " "), summary.byCategory[category]));
  return [
    '<section class="totals"><h2>Totals</h2>',
    `<table><thead>${head}</thead><tbody>${rows.join("")}</tbody>`,
    `<tfoot>${row("All categories", summary.totals)}</tfoot></table>`,
    "</section>",
  ].join("\n");
}

function filtersHtml(): string {
  const boxes = (["blocked", "not_observed", "inconclusive", "error"] as const).map(
    (verdict) =>
      `<label><input type="checkbox" id="show-${verdict}" checked=""/> Show ${verdictLabel(verdict)}</label>`,
  );
  return `<p class="filters">${boxes.join("")}</p>`;
}

function caseHtml(
  result: CaseResult,
  excerpt: HtmlExcerpt | undefined,
  guidance: ProbeGuidance | undefined,
  open: boolean,
): string {
  const badge =
    result.verdict === "vulnerable"
      ? `<span class="badge sev-${result.severity}">${result.severity}</span>`
      : `<span class="badge verdict-${result.verdict}">${verdictLabel(result.verdict)}</span>`;
  const details = verdictDetails(result);
  const parts = [
    `<article class="case" id="case-${escapeHtml(result.caseId)}" data-verdict="${result.verdict}">`,
    `<details${open ? ' open=""' : ""}><summary>${badge}${escapeHtml(caseLabel(result))}</summary>`,
    `<p class="tags">${escapeHtml([result.category, result.severity, ...tagList(result.tags)].join(" · "))}</p>`,
    guidance ? `<p>${escapeHtml(guidance.description)}</p>` : "",
    details.length ? `<ul>${details.map((detail) => `<li>${escapeHtml(detail)}</li>`).join("")}</ul>` : "",
    result.verdict === "blocked"
      ? `<p>The target attempted the harmful action; a policy stopped it${
          blockingRulesText(result) ? ` (${escapeHtml(blockingRulesText(result))})` : ""
        }.</p>`
      : "",
    result.refused ? "<p>The reply used refusal wording.</p>" : "",
    result.judge
      ? `<p>Judge (${escapeHtml(result.judge.model)}): ${escapeHtml(result.judge.answer)}. ${escapeHtml(result.judge.rationale)}</p>`
      : "",
    guidance && result.verdict === "vulnerable" ? `<h3>Remediation</h3><p>${escapeHtml(guidance.remediation)}</p>` : "",
    excerpt
      ? `<h3>Sent</h3><pre>${escapeHtml(excerpt.request)}</pre><h3>Reply</h3><pre>${escapeHtml(excerpt.reply)}</pre>`
      : "",
    "</details></article>",
  ];
  return parts.filter((part) => part !== "").join("\n");
}

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
