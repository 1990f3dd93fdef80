/**
 * Drift at scale: reference and current Parquet files of 10 numeric columns × 10,000,000 rows each
 * (generated once with DuckDB and cached under the system's temp folder; three columns shifted), then
 * the full report — exact KS with its p-value, Wasserstein distance and PSI for every column — timed
 * in a child process of its own so that its peak RSS (which includes DuckDB's native memory) is the
 * report's alone. Targets: under 30 s and under 4 GB on two cores.
 *
 *   node --import tsx bench/drift.ts              (or AIMS_BENCH_PARTS=drift npm run bench)
 *   AIMS_BENCH_DRIFT_ROWS=1000000 node --import tsx bench/drift.ts
 */
import { execFile } from "node:child_process";
import { access, mkdir, rename } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";

export interface DriftBenchResult {
  rows: number;
  columns: number;
  wallMs: number;
  /** CPU time of the report process (user + system, all threads including DuckDB's). */
  cpuMs: number;
  peakRssMb: number;
  /** The machine's one-minute load average when the report finished (the machine may be shared). */
  loadAverage: number;
  driftedColumns: string[];
  expectedDrifted: string[];
  generateMs: number | null;
}

/** Columns whose current distribution differs: a mean shift, a wider spread, a larger shift. */
const SHIFTED: Record<string, string> = { c7: "+ 0.02", c8: "* 1.05", c9: "+ 0.5" };
const COLUMNS = Array.from({ length: 10 }, (_, i) => `c${i}`);

/** Normal values from a hash of the row number (deterministic whatever the thread count), Box–Muller. */
function columnSql(column: string, salt: number, shift: string | undefined): string {
  const u1 = `((hash(i * 31 + ${salt}) % 1000000007) + 0.5) / 1000000007`;
  const u2 = `((hash(i * 37 + ${salt + 1}) % 1000000007) + 0.5) / 1000000007`;
  let value = `sqrt(-2 * ln(${u1})) * cos(2 * pi() * ${u2})`;
  // c5 has heavy ties (one decimal), c6 is skewed.
  if (column === "c5") value = `round(${value}, 1)`;
  if (column === "c6") value = `exp(${value})`;
  return `(${value}) ${shift ?? ""} AS ${column}`;
}

async function generate(dir: string, rows: number): Promise<number | null> {
  const reference = join(dir, "reference.parquet");
  const current = join(dir, "current.parquet");
  try {
    await access(current);
    await access(reference);
    return null;
  } catch {}
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  const instance = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "2GB" });
  const connection = await instance.connect();
  for (const [side, path, offset] of [
    ["reference", reference, 0],
    ["current", current, 1000],
  ] as const) {
    const select = COLUMNS.map((c, k) =>
      columnSql(c, offset + k * 10, side === "current" ? SHIFTED[c] : undefined),
    ).join(", ");
    await connection.run(`COPY (SELECT ${select} FROM range(${rows}) t(i)) TO '${path}.tmp' (FORMAT parquet)`);
    await rename(`${path}.tmp`, path);
  }
  connection.closeSync();
  instance.closeSync();
  return performance.now() - started;
}

export async function benchDrift(rows: number, log: (line: string) => void): Promise<DriftBenchResult> {
  const dir = join(tmpdir(), `openaims-bench-drift-${rows}`);
  log(`drift: data in ${dir} (${rows.toLocaleString("en")} rows × ${COLUMNS.length} columns per file)`);
  const generateMs = await generate(dir, rows);
  if (generateMs !== null) log(`drift: generated the Parquet files in ${(generateMs / 1000).toFixed(1)} s`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--child", dir],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const child = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    wallMs: number;
    cpuMs: number;
    peakRssMb: number;
    drifted: string[];
  };
  return {
    rows,
    columns: COLUMNS.length,
    wallMs: child.wallMs,
    cpuMs: child.cpuMs,
    peakRssMb: child.peakRssMb,
    loadAverage: loadavg()[0] ?? 0,
    driftedColumns: child.drifted,
    expectedDrifted: Object.keys(SHIFTED),
    generateMs,
  };
}

export function formatDriftTable(result: DriftBenchResult): string {
  const seconds = result.wallMs / 1000;
  return [
    `Drift report: ${result.columns} numeric columns × ${result.rows.toLocaleString("en")} rows in each of reference and current (Parquet), exact KS + p-value, Wasserstein, PSI`,
    `  wall time   ${seconds.toFixed(1)} s   (target < 30 s)   ${seconds < 30 ? "ok" : "MISSED"}`,
    `  CPU time    ${(result.cpuMs / 1000).toFixed(1)} s (user + system, all threads; load average ${result.loadAverage.toFixed(1)} on ${cpus().length} cores)`,
    `  peak RSS    ${(result.peakRssMb / 1024).toFixed(2)} GB (target < 4 GB)   ${result.peakRssMb < 4096 ? "ok" : "MISSED"}`,
    `  drifted     ${result.driftedColumns.join(", ") || "none"} (shifted: ${result.expectedDrifted.join(", ")})`,
  ].join("\n");
}

async function child(dir: string) {
  const { runDriftReport } = await import("@openaims/drift");
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { report } = await runDriftReport({
    reference: join(dir, "reference.parquet"),
    current: join(dir, "current.parquet"),
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ wallMs, cpuMs, peakRssMb, drifted: report.summary.drifted })}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--child") await child(process.argv[3] ?? "");
  else {
    const rows = Number(process.env.AIMS_BENCH_DRIFT_ROWS ?? 10_000_000);
    const result = await benchDrift(rows, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${formatDriftTable(result)}\n`);
  }
}
