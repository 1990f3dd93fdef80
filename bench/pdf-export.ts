/**
 * Size and render time of a PDF risk register, in `npm run bench` (part "pdf") or alone:
 * `npx tsx bench/pdf-export.ts [rows]` (500 by default). Renders the register the export builds
 * (16 columns, landscape) from generated rows with Latin, Chinese, Arabic, Greek and Cyrillic text:
 * once cold (fonts read and parsed in this process) and five times warm.
 */
import { fileURLToPath } from "node:url";
import { exportTable } from "../packages/server/src/exports/export-table.js";
import { readPdfPages } from "../packages/server/src/exports/testing/read-pdf-text.js";

export interface PdfExportResult {
  rows: number;
  bytes: number;
  pages: number;
  coldMs: number;
  warmMedianMs: number;
  warmMinMs: number;
}

const headers = [
  ["ref", "Ref"],
  ["title", "Title"],
  ["system", "AI system"],
  ["owner", "Owner"],
  ["status", "Status"],
  ["inherent", "Inherent (L×I)"],
  ["inherentRating", "Inherent rating"],
  ["treatment", "Treatment"],
  ["residual", "Residual (L×I)"],
  ["residualRating", "Residual rating"],
  ["reviewDate", "Review date"],
  ["acceptedUntil", "Accepted until"],
  ["threat", "Threat"],
  ["riskSources", "Annex C sources"],
  ["controls", "Controls"],
  ["evidence", "Evidence"],
] as const;
const systems = [
  "Chat assistant",
  "风险评估系统",
  "نظام التقييم",
  "Σύστημα αξιολόγησης",
  "Система оценки",
  "Fraud scoring",
];
const titles = [
  "Model produces harmful or biased answers for under-represented customer groups",
  "训练数据包含未经同意的个人信息",
  "تسرب البيانات الشخصية عبر مخرجات النموذج",
  "Prompt injection through retrieved documents changes the assistant's instructions",
  "Απόκλιση της απόδοσης του μοντέλου μετά την ενημέρωση",
  "Недостаточный контроль человека за автоматическими решениями",
];

/** Renders the register `rowCount` rows long, cold once and warm five times. */
export async function benchPdfExport(
  rowCount: number,
  log: (message: string) => void = () => {},
): Promise<PdfExportResult> {
  log(`pdf: rendering a ${rowCount}-row risk register`);
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    ref: `R-${i + 1}`,
    title: titles[i % titles.length] ?? "",
    system: systems[i % systems.length] ?? "",
    owner: i % 3 === 0 ? null : "Dana Risk-Owner",
    status: ["identified", "assessed", "treated", "accepted"][i % 4] ?? "",
    inherent: `${(i % 5) + 1}×${((i * 3) % 5) + 1}`,
    inherentRating: ["low", "medium", "high", "critical"][i % 4] ?? "",
    treatment: i % 2 ? "mitigate" : null,
    residual: i % 2 ? `${(i % 3) + 1}×${(i % 4) + 1}` : null,
    residualRating: i % 2 ? "medium" : null,
    reviewDate: "2026-06-30",
    acceptedUntil: i % 4 === 3 ? "2026-12-31" : null,
    threat: i % 5 === 0 ? "T-PROMPT-INJECTION" : null,
    riskSources: "C.3.4, C.3.6",
    controls: "A.6.2.4, A.7.4",
    evidence: i % 2 ? "E-12, E-40" : null,
  }));
  const table = {
    title: "Risk register",
    orgName: "Bench Org",
    generatedAt: new Date(),
    version: "as of today",
    approval: null,
    columns: headers.map(([key, header]) => ({ key, header })),
    rows,
    filenameStem: "risk-register",
  };

  async function timed() {
    const start = performance.now();
    const response = await exportTable(table, "pdf");
    return { ms: performance.now() - start, bytes: (response.body as Buffer).length, body: response.body as Buffer };
  }

  const cold = await timed();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed()).ms);
  warm.sort((a, b) => a - b);
  return {
    rows: rowCount,
    bytes: cold.bytes,
    pages: (await readPdfPages(cold.body)).length,
    coldMs: Math.round(cold.ms),
    warmMedianMs: Math.round(warm[2] ?? 0),
    warmMinMs: Math.round(warm[0] ?? 0),
  };
}

export function formatPdfExportTable(result: PdfExportResult): string {
  return (
    `PDF risk register, ${result.rows} rows in five scripts: ${(result.bytes / 1024).toFixed(0)} KiB, ${result.pages} pages; ` +
    `cold ${result.coldMs} ms, warm median ${result.warmMedianMs} ms (min ${result.warmMinMs} ms)`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatPdfExportTable(await benchPdfExport(Number.parseInt(process.argv[2] ?? "500", 10))));
}
