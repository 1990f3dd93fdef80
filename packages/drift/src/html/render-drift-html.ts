/**
 * The drift report as one self-contained HTML page: inline CSS and SVG charts, no script and no
 * external request. Every value that comes from the data is escaped.
 */
import type { CategoricalDrift, ColumnDrift, DriftReport, NumericDrift, QualityMetrics } from "@openaims/contracts";
import { formatStatistic } from "../decide-drift.js";

const escapeHtml = (value: string) =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

const num = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : escapeHtml(formatStatistic(value));
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}h3{font-size:1rem;margin:1.5rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d5dae1;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.drift{color:#a4161a;font-weight:600}.stable{color:#2b6a30}.muted{color:#5b6575}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
svg{max-width:100%;height:auto;background:#fafbfc;border:1px solid #e4e7ec}
`;

const REF_COLOUR = "#4c6ef5";
const CUR_COLOUR = "#f08c00";

function legend(): string {
  return `<p class="legend"><span style="background:${REF_COLOUR}"></span>reference<span style="background:${CUR_COLOUR}"></span>current</p>`;
}

function histogramSvg(statistics: NumericDrift, title: string): string {
  const { edges, reference, current } = statistics.histogram;
  const refTotal = reference.reduce((a, b) => a + b, 0) || 1;
  const curTotal = current.reduce((a, b) => a + b, 0) || 1;
  const shares = reference.map((r, i) => [r / refTotal, (current[i] ?? 0) / curTotal] as const);
  const max = Math.max(...shares.flat(), 1e-12);
  const width = 720;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const plotW = width - left - 10;
  const plotH = height - bottom - 10;
  const barW = plotW / shares.length;
  const bars = shares
    .map(([r, c], i) => {
      const x = left + i * barW;
      const rh = (r / max) * plotH;
      const ch = (c / max) * plotH;
      return `<rect x="${x.toFixed(1)}" y="${(10 + plotH - rh).toFixed(1)}" width="${(barW / 2 - 1).toFixed(1)}" height="${rh.toFixed(1)}" fill="${REF_COLOUR}"><title>reference ${pct(r)}</title></rect><rect x="${(x + barW / 2).toFixed(1)}" y="${(10 + plotH - ch).toFixed(1)}" width="${(barW / 2 - 1).toFixed(1)}" height="${ch.toFixed(1)}" fill="${CUR_COLOUR}"><title>current ${pct(c)}</title></rect>`;
    })
    .join("");
  const first = edges[0] ?? 0;
  const last = edges[edges.length - 1] ?? 0;
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}<line x1="${left}" y1="${10 + plotH}" x2="${width - 10}" y2="${10 + plotH}" stroke="#888"/><text x="${left}" y="${height - 8}" font-size="11">${num(first)}</text><text x="${width - 10}" y="${height - 8}" font-size="11" text-anchor="end">${num(last)}</text><text x="4" y="20" font-size="11">${pct(max)}</text></svg>`;
}

function categoryBarsSvg(statistics: CategoricalDrift, title: string): string {
  const shown = statistics.categories.slice(0, 20);
  const refTotal = statistics.categories.reduce((a, c) => a + c.reference, statistics.otherCategories.reference) || 1;
  const curTotal = statistics.categories.reduce((a, c) => a + c.current, statistics.otherCategories.current) || 1;
  const max = Math.max(...shown.flatMap((c) => [c.reference / refTotal, c.current / curTotal]), 1e-12);
  const rowH = 22;
  const labelW = 180;
  const width = 720;
  const plotW = width - labelW - 60;
  const height = shown.length * rowH + 10;
  const rows = shown
    .map((c, i) => {
      const y = 5 + i * rowH;
      const r = c.reference / refTotal;
      const k = c.current / curTotal;
      const label = c.value.length > 28 ? `${c.value.slice(0, 27)}…` : c.value;
      return `<text x="${labelW - 6}" y="${y + 14}" font-size="11" text-anchor="end">${escapeHtml(label)}</text><rect x="${labelW}" y="${y + 1}" width="${((r / max) * plotW).toFixed(1)}" height="9" fill="${REF_COLOUR}"><title>reference ${pct(r)}</title></rect><rect x="${labelW}" y="${y + 10}" width="${((k / max) * plotW).toFixed(1)}" height="9" fill="${CUR_COLOUR}"><title>current ${pct(k)}</title></rect><text x="${labelW + plotW + 4}" y="${y + 14}" font-size="10">${pct(r)} → ${pct(k)}</text>`;
    })
    .join("");
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows}</svg>`;
}

function statisticsCells(column: ColumnDrift): string {
  const s = column.statistics;
  if (!s) return `<td colspan="3" class="muted">no values</td>`;
  if (s.kind === "numeric")
    return `<td>KS D = ${num(s.ks.statistic)}, p = ${num(s.ks.pValue)} (${s.ks.method})</td><td class="n">${num(s.wasserstein)}</td><td class="n">${num(s.psi.value)}</td>`;
  if (s.kind === "categorical")
    return `<td>χ² = ${num(s.chiSquare?.statistic)}, p = ${num(s.chiSquare?.pValue)}, dof = ${s.chiSquare?.dof ?? "–"}</td><td class="n">–</td><td class="n">${num(s.psi.value)}</td>`;
  const drifted = s.descriptors.filter((d) => d.drifted).map((d) => d.descriptor);
  return `<td>text descriptors${drifted.length ? `; drifted: ${escapeHtml(drifted.join(", "))}` : ""}</td><td class="n">–</td><td class="n">–</td>`;
}

function columnDetail(column: ColumnDrift): string {
  const s = column.statistics;
  const name = escapeHtml(column.name);
  const parts = [
    `<h3>${name} <span class="muted">(${column.kind}, ${column.role})</span></h3>`,
    `<p>${column.reasons.map(escapeHtml).join("; ")}</p>`,
  ];
  if (s?.kind === "numeric") {
    parts.push(summaryTable(s), legend(), histogramSvg(s, `Distribution of ${column.name}`));
  } else if (s?.kind === "categorical") {
    parts.push(categoryNotes(s), legend(), categoryBarsSvg(s, `Categories of ${column.name}`));
  } else if (s?.kind === "text") {
    for (const d of s.descriptors.filter((x) => x.drifted)) {
      parts.push(`<p><strong>${escapeHtml(d.descriptor)}</strong></p>`, legend());
      parts.push(
        d.statistics.kind === "numeric"
          ? histogramSvg(d.statistics, d.descriptor)
          : categoryBarsSvg(d.statistics, d.descriptor),
      );
    }
  }
  return parts.join("\n");
}

function summaryTable(s: NumericDrift): string {
  const row = (label: string, r: number | null, c: number | null) =>
    `<tr><th>${label}</th><td class="n">${num(r)}</td><td class="n">${num(c)}</td></tr>`;
  return `<table><tr><th></th><th>reference</th><th>current</th></tr>${row("count", s.reference.count, s.current.count)}${row("mean", s.reference.mean, s.current.mean)}${row("std", s.reference.std, s.current.std)}${row("median", s.reference.median, s.current.median)}${row("min", s.reference.min, s.current.min)}${row("max", s.reference.max, s.current.max)}</table>`;
}

function categoryNotes(s: CategoricalDrift): string {
  const list = (values: string[]) => (values.length ? values.map(escapeHtml).join(", ") : "none");
  return `<p>New categories: ${list(s.newCategories)}. Categories no longer seen: ${list(s.missingCategories)}.</p>`;
}

function qualityTable(report: DriftReport): string {
  const q = report.quality;
  if (!q) return "";
  const metrics: [string, keyof QualityMetrics][] = [
    ["rows", "rows"],
    ["accuracy", "accuracy"],
    ["precision", "precision"],
    ["recall", "recall"],
    ["F1", "f1"],
    ["macro precision", "macroPrecision"],
    ["macro recall", "macroRecall"],
    ["macro F1", "macroF1"],
    ["ROC AUC", "rocAuc"],
    [`calibration error (${q.calibrationBins} bins)`, "calibrationError"],
  ];
  const rows = metrics
    .map(
      ([label, key]) =>
        `<tr><th>${label}</th><td class="n">${num(q.reference?.[key])}</td><td class="n">${num(q.current?.[key])}</td></tr>`,
    )
    .join("");
  return `<h2>Model quality</h2><p>Target <code>${escapeHtml(q.target)}</code>, prediction <code>${escapeHtml(q.prediction)}</code> (${q.predictionKind}${q.positiveClass !== null ? `, positive class ${escapeHtml(q.positiveClass)}` : ""}).</p><table><tr><th></th><th>reference</th><th>current</th></tr>${rows}</table>`;
}

export function renderDriftHtml(report: DriftReport): string {
  const { summary, thresholds } = report;
  const rows = report.columns
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.name)}</td><td>${c.kind}</td><td>${c.role}</td><td class="${c.drifted ? "drift" : "stable"}">${c.drifted ? "drift" : "no drift"}</td>${statisticsCells(c)}<td class="n">${pct(c.missing.reference.share)} → ${pct(c.missing.current.share)}</td></tr>`,
    )
    .join("\n");
  const details = report.columns
    .filter((c) => c.drifted)
    .map(columnDetail)
    .join("\n");
  const side = (s: DriftReport["reference"]) =>
    `${escapeHtml(s.source)} (${s.format ?? "rows"}, ${s.rowsUsed.toLocaleString("en")} of ${s.rows.toLocaleString("en")} rows)`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Drift report</title><style>${STYLE}</style></head><body>
<h1>Drift report</h1>
<p class="muted">Generated ${escapeHtml(report.generatedAt)}. Reference: ${side(report.reference)}. Current: ${side(report.current)}.${report.sample !== null ? ` Statistics on a sample of ${report.sample} rows per side.` : " Exact statistics over all rows."}</p>
<p><strong class="${summary.datasetDrift ? "drift" : "stable"}">${summary.driftedColumns} of ${summary.columns} columns drifted (${pct(summary.driftShare)})</strong>${summary.datasetDrift ? " — the data set drifted" : ""}.</p>
<p class="muted">Thresholds: KS p &lt; ${thresholds.ksPValue} or PSI ≥ ${thresholds.psi} (numeric); chi-square p &lt; ${thresholds.chiSquarePValue} or PSI ≥ ${thresholds.psi} (categorical); the data set drifts when at least ${pct(thresholds.datasetDriftShare)} of its columns drift.</p>
<h2>Columns</h2>
<table><tr><th>column</th><th>kind</th><th>role</th><th>decision</th><th>test</th><th>Wasserstein</th><th>PSI</th><th>missing</th></tr>
${rows}
</table>
${qualityTable(report)}
${details ? `<h2>Drifted columns</h2>\n${details}` : ""}
</body></html>
`;
}
