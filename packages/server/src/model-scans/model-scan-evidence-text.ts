import type {
  ModelScanOrigin,
  ModelScanReport,
  ModelScanVerdict,
  ModelSignatureResult,
  SignatureStatus,
} from "@openaims/contracts";
import { enumLabels } from "@openaims/contracts";

/** What the evidence record of a model scan says; everything comes from the stored scan. */
export interface ModelScanEvidenceFacts {
  ref: string;
  asset: { name: string; kind: string };
  system: { name: string; slug: string } | null;
  origin: ModelScanOrigin;
  verdict: ModelScanVerdict;
  report: Pick<ModelScanReport, "scanner" | "roots" | "files" | "summary">;
  reportSha256: string;
  signatureStatus: SignatureStatus;
  signature: ModelSignatureResult | null;
  finishedAt: Date;
}

const TITLE_MAX = 200;

const verdictWords: Record<ModelScanVerdict, string> = {
  unsafe: "unsafe",
  review: "needs review",
  incomplete: "incomplete",
  clean: "no unsafe content found",
};

/** "Model scan MS-3 of llama-3-8b: unsafe (2 critical, 1 high)", cut to the evidence title's limit. */
export function modelScanEvidenceTitle(
  facts: Pick<ModelScanEvidenceFacts, "ref" | "asset" | "verdict" | "report">,
): string {
  const counts = facts.report.summary.bySeverity;
  const serious = (["critical", "high", "medium", "low"] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`);
  const tail = `: ${verdictWords[facts.verdict]}${serious.length ? ` (${serious.join(", ")})` : ""}`;
  const head = `Model scan ${facts.ref} of `;
  const room = TITLE_MAX - head.length - tail.length;
  const name = facts.asset.name.length > room ? `${facts.asset.name.slice(0, room - 1)}…` : facts.asset.name;
  return `${head}${name}${tail}`;
}

function cell(value: string): string {
  return value.replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|");
}
function code(value: string): string {
  return `\`${value.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}

const FILE_ROWS = 50;

function signatureLine(facts: ModelScanEvidenceFacts): string {
  const label = enumLabels.signatureStatus[facts.signatureStatus];
  const signature = facts.signature;
  if (!signature) return label;
  const parts = [label];
  if (signature.signer) parts.push(`signer ${code(signature.signer)}`);
  const changes = [
    signature.changed.length ? `${signature.changed.length} changed` : "",
    signature.added.length ? `${signature.added.length} added` : "",
    signature.removed.length ? `${signature.removed.length} removed` : "",
  ].filter(Boolean);
  if (changes.length) parts.push(`files ${changes.join(", ")}`);
  if (signature.reason) parts.push(cell(signature.reason));
  return parts.join("; ");
}

/**
 * The evidence record's body in Markdown: what was scanned and by what, the verdict, counts by
 * severity, the signature check, and each file's format and SHA-256, so anyone holding the files can
 * check they are the ones this record describes.
 */
export function modelScanEvidenceBody(facts: ModelScanEvidenceFacts): string {
  const { report } = facts;
  const { summary } = report;
  const counts = summary.bySeverity;
  const lines = [
    `Scan **${facts.ref}** of the model files of the asset **${cell(facts.asset.name)}** (${facts.asset.kind})` +
      (facts.system ? `, used by the AI system **${cell(facts.system.name)}** (${code(facts.system.slug)})` : "") +
      ", " +
      (facts.origin === "cli"
        ? "recorded from the report `aims model scan` uploaded."
        : "run by this server on an uploaded file."),
    "",
    "| | |",
    "| --- | --- |",
    `| Verdict | ${verdictWords[facts.verdict]} |`,
    `| Findings by severity | critical ${counts.critical}, high ${counts.high}, medium ${counts.medium}, low ${counts.low}, info ${counts.info} |`,
    `| Files | ${summary.files} (${summary.scanned} read, ${summary.failed} unreadable, ${summary.skipped} stopped by a limit) |`,
    `| Signature | ${signatureLine(facts)} |`,
    `| Scanner | ${cell(report.scanner.name)} ${cell(report.scanner.version)} |`,
    `| Scanned | ${cell(report.roots.join(", ") || "—")} |`,
    `| Finished | ${facts.finishedAt.toISOString()} |`,
    `| Report SHA-256 | ${code(facts.reportSha256)} (canonical JSON, keys sorted) |`,
    "",
    "## Files",
    "",
    "| File | Format | Bytes | SHA-256 |",
    "| --- | --- | ---: | --- |",
    ...report.files
      .slice(0, FILE_ROWS)
      .map(
        (file) =>
          `| ${cell(file.path)} | ${enumLabels.modelFormat[file.format]}${file.status === "scanned" ? "" : ` (${enumLabels.modelFileStatus[file.status]})`} | ${file.size} | ${file.sha256 ? code(file.sha256) : "—"} |`,
      ),
  ];
  if (report.files.length > FILE_ROWS)
    lines.push("", `… and ${report.files.length - FILE_ROWS} more files in the report.`);
  lines.push(
    "",
    "Model files are judged by their content against an allowlist of safe constructs; a clean verdict means no unsafe construct was found, not that the model is fit for its purpose.",
  );
  return lines.join("\n");
}
