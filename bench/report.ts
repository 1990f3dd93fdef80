import type { RouteLoad } from "./http-load.js";
import type { VerifyMeasurement } from "./verify.js";
import type { WebSize } from "./web-size.js";

export const targets = {
  verifyEntriesPerSecond: 300_000,
  p95Ms: 25,
  webGzipBytes: 300 * 1024,
};

export interface EngineResult {
  engine: "pglite" | "postgres";
  description: string;
  seedSeconds: number;
  verify: VerifyMeasurement;
  routes: RouteLoad[];
}

export interface BenchResults {
  startedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number };
  settings: { members: number; auditEntries: number; connections: number; seconds: number };
  targets: typeof targets;
  web: WebSize | null;
  engines: EngineResult[];
  skipped: Record<string, string>;
}

const n = (value: number) => value.toLocaleString("en");
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

/** The results as a table for the terminal: one column per engine, target and verdict per row. */
export function formatTable(results: BenchResults): string {
  const engines = results.engines;
  const rows: string[][] = [["", "target", ...engines.map((e) => e.engine)]];
  const add = (label: string, target: string, cells: string[]) => rows.push([label, target, ...cells]);
  add(
    "audit verify (entries/s)",
    `>= ${n(targets.verifyEntriesPerSecond)}`,
    engines.map(
      (e) => `${n(e.verify.entriesPerSecond)} ${mark(e.verify.entriesPerSecond >= targets.verifyEntriesPerSecond)}`,
    ),
  );
  add(
    "  reading rows only (rows/s)",
    "",
    engines.map((e) => n(e.verify.readOnlyPerSecond)),
  );
  add(
    "  hashing only (entries/s)",
    "",
    engines.map((e) => n(e.verify.hashOnlyPerSecond)),
  );
  const paths = engines[0]?.routes.map((r) => r.path) ?? [];
  paths.forEach((path, i) => {
    const label = `GET ${path.replace(/\/orgs\/[^/]+\//, "/orgs/:id/")}`;
    add(
      label,
      "",
      engines.map(() => ""),
    );
    add(
      `  p50 / p95 (ms) @${results.settings.connections}`,
      `p95 < ${targets.p95Ms}`,
      engines.map((e) => {
        const r = e.routes[i];
        return r ? `${r.p50Ms} / ${r.p95Ms} ${mark(r.p95Ms < targets.p95Ms && r.non2xx === 0 && r.errors === 0)}` : "-";
      }),
    );
    add(
      "  requests/s",
      "",
      engines.map((e) => n(e.routes[i]?.requestsPerSecond ?? 0)),
    );
    add(
      "  non-2xx + errors",
      "0",
      engines.map((e) => n((e.routes[i]?.non2xx ?? 0) + (e.routes[i]?.errors ?? 0))),
    );
  });
  add(
    "seeding (s)",
    "",
    engines.map((e) => e.seedSeconds.toFixed(0)),
  );
  const lines = alignColumns(rows);
  const web = results.web;
  lines.push(
    "",
    web
      ? `web initial JS (gzip): ${(web.gzipBytes / 1024).toFixed(1)} KB in ${web.files.length} files, target <= ${targets.webGzipBytes / 1024} KB ${mark(web.gzipBytes <= targets.webGzipBytes)}`
      : "web initial JS: skipped (packages/web/dist/index.html not found; run npm run build)",
  );
  for (const [what, why] of Object.entries(results.skipped)) lines.push(`${what}: skipped (${why})`);
  return lines.join("\n");
}

/** Pads every cell to its column's widest, so rows line up in a terminal. */
export function alignColumns(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? "").length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join("   ")
      .trimEnd(),
  );
}
