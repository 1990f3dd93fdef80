import type { RedteamScanOrigin, SeverityCounts, UploadedScanSummary } from "@openaims/contracts";
import { redteamCategories } from "@openaims/contracts";

/** What the evidence record of a scan says; everything comes from the stored scan. */
export interface ScanEvidenceFacts {
  ref: string;
  system: { name: string; slug: string };
  origin: RedteamScanOrigin;
  summary: Pick<
    UploadedScanSummary,
    | "scanner"
    | "pack"
    | "configSha256"
    | "seed"
    | "target"
    | "startedAt"
    | "finishedAt"
    | "durationMs"
    | "complete"
    | "problems"
    | "totals"
    | "byCategory"
    | "artifacts"
  >;
  summarySha256: string;
  vulnerableBySeverity: SeverityCounts;
}

const TITLE_MAX = 200;

/** "Red-team scan RT-3 of Support bot: 4 vulnerable of 96", cut to the evidence title's limit. */
export function scanEvidenceTitle(facts: Pick<ScanEvidenceFacts, "ref" | "system" | "summary">): string {
  const { totals, complete } = facts.summary;
  const tail = `: ${totals.vulnerable} vulnerable of ${totals.cases}${complete ? "" : " (partial)"}`;
  const head = `Red-team scan ${facts.ref} of `;
  const room = TITLE_MAX - head.length - tail.length;
  const name = facts.system.name.length > room ? `${facts.system.name.slice(0, room - 1)}…` : facts.system.name;
  return `${head}${name}${tail}`;
}

/** ", 3 harmful actions blocked by policy" when a policy stopped any; "" otherwise. */
function blockedClause(blocked: number): string {
  if (blocked === 0) return "";
  return `; ${blocked} harmful ${blocked === 1 ? "action was" : "actions were"} blocked by policy (the MCP gateway or runtime guard stopped the attempt)`;
}

/** Text for a Markdown table cell or inline code: no line breaks, pipes or backticks that would break it. */
function cell(value: string): string {
  return value.replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|");
}
function code(value: string): string {
  return `\`${value.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}

function artifactHash(facts: ScanEvidenceFacts, kind: "transcript" | "html"): string {
  const artifact = facts.summary.artifacts.find((item) => item.kind === kind);
  return artifact ? code(artifact.sha256) : "not recorded";
}

/**
 * The evidence record's body in Markdown: what was tested, with which pack, seed and configuration,
 * the results per category, and the hashes that let anyone check the transcript, summary and report
 * they hold are the ones this record describes.
 */
export function scanEvidenceBody(facts: ScanEvidenceFacts): string {
  const { summary } = facts;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const target = [summary.target.kind, code(summary.target.endpoint)];
  if (summary.target.model) target.push(`model ${code(summary.target.model)}`);
  const lines = [
    `Automated red-team scan **${facts.ref}** of the AI system **${cell(facts.system.name)}** (${code(facts.system.slug)}), ` +
      (facts.origin === "cli" ? "recorded from a summary uploaded by the scanner." : "run by this server."),
    "",
    "| | |",
    "| --- | --- |",
    `| Result | ${summary.complete ? "complete" : "partial (the run stopped early)"}: ${summary.totals.vulnerable} vulnerable of ${summary.totals.cases} cases${blockedClause(summary.totals.blocked)} |`,
    `| Probe pack | ${cell(summary.pack.id)} ${cell(summary.pack.version)}, ${summary.pack.probes} probes, SHA-256 ${code(summary.pack.sha256)} |`,
    `| Scanner | ${cell(summary.scanner.name)} ${cell(summary.scanner.version)} |`,
    `| Seed | ${summary.seed} |`,
    `| Target | ${cell(target.join(" "))} |`,
    `| Ran | ${summary.startedAt} to ${summary.finishedAt} (${seconds} s) |`,
    `| Configuration SHA-256 | ${code(summary.configSha256)} |`,
    `| Summary SHA-256 | ${code(facts.summarySha256)} (canonical JSON, keys sorted) |`,
    `| Transcript SHA-256 | ${artifactHash(facts, "transcript")} |`,
    `| HTML report SHA-256 | ${artifactHash(facts, "html")} |`,
    "",
    "## Results per category",
    "",
    "| Category | Cases | Vulnerable | Blocked by policy | Not observed | Inconclusive | Error |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...redteamCategories
      .map((category) => [category, summary.byCategory[category]] as const)
      .filter(([, counts]) => counts.cases > 0)
      .map(
        ([category, c]) =>
          `| ${category} | ${c.cases} | ${c.vulnerable} | ${c.blocked} | ${c.not_observed} | ${c.inconclusive} | ${c.error} |`,
      ),
    `| **all** | ${summary.totals.cases} | ${summary.totals.vulnerable} | ${summary.totals.blocked} | ${summary.totals.not_observed} | ${summary.totals.inconclusive} | ${summary.totals.error} |`,
    "",
    "## Vulnerable cases by severity",
    "",
    (["critical", "high", "medium", "low", "info"] as const)
      .map((severity) => `${severity} ${facts.vulnerableBySeverity[severity]}`)
      .join(", "),
  ];
  if (summary.problems.length > 0) {
    lines.push("", "## Problems during the run", "", ...summary.problems.slice(0, 20).map((p) => `- ${cell(p)}`));
  }
  lines.push(
    "",
    "A vulnerable verdict means the probe's detectors saw the weakness happen; blocked by policy means the system attempted the harmful action and a policy stopped it; not observed is not proof of absence.",
  );
  return lines.join("\n");
}
