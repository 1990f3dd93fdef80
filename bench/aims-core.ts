import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@openaims/db";
import { inventoryCsv, type Timed, timeImport, timeRequest } from "./aims-core-load.js";
import { measureRoute, type RouteLoad, startServerProcess } from "./http-load.js";
import { alignColumns } from "./report.js";
import { type AimsCoreSize, seedAimsCore } from "./seed-aims-core.js";

export const coreTargets = { soaExportMs: 1000, riskListP95Ms: 50, readinessMs: 300, importMs: 5000 };

export interface CoreResult {
  engine: "pglite" | "postgres";
  size: AimsCoreSize;
  seedSeconds: number;
  soaExport: Timed;
  readiness: Timed;
  riskList: RouteLoad;
  importRows: number;
  import: Timed;
}

/**
 * The management system at size: seeds systems, risks and evidence links into a fresh organisation,
 * then, against `aims serve` in its own process, times the SoA derivation with its XLSX export and the
 * readiness view (sequential), loads the risk register at `connections`, and imports an inventory file.
 */
export async function benchAimsCore(
  engine: CoreResult["engine"],
  databaseUrl: string | undefined,
  size: AimsCoreSize,
  load: { connections: number; seconds: number; importRows: number },
  log: (message: string) => void,
): Promise<CoreResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-core-${engine}-`));
  try {
    log(
      `[${engine}] seeding ${size.systems.toLocaleString("en")} systems, ${size.risks.toLocaleString("en")} risks, ${size.evidenceLinks.toLocaleString("en")} evidence links`,
    );
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let seeded: Awaited<ReturnType<typeof seedAimsCore>>;
    try {
      await database.withSession(migrate);
      seeded = await seedAimsCore(database, size);
    } finally {
      await database.close();
    }
    log(`[${engine}] seeded in ${seeded.seconds.toFixed(0)} s`);
    const server = await startServerProcess(dataDir, databaseUrl);
    try {
      const org = `/api/v1/orgs/${seeded.orgId}`;
      const soaExport = await timeRequest(
        server.url,
        seeded.tokenSecret,
        "SoA export (xlsx)",
        `${org}/soa/export?format=xlsx`,
      );
      log(`[${engine}] SoA export median ${soaExport.medianMs} ms`);
      const readiness = await timeRequest(server.url, seeded.tokenSecret, "readiness view", `${org}/readiness`);
      log(`[${engine}] readiness median ${readiness.medianMs} ms`);
      log(`[${engine}] GET ${org}/risks?limit=50 at ${load.connections} connections for ${load.seconds} s`);
      const riskList = await measureRoute(
        server.url,
        `${org}/risks?limit=50`,
        seeded.tokenSecret,
        load.connections,
        load.seconds,
      );
      const imported = await timeImport(server.url, seeded.tokenSecret, seeded.orgId, inventoryCsv(load.importRows));
      log(`[${engine}] import of ${load.importRows} rows took ${imported.medianMs} ms`);
      return {
        engine,
        size,
        seedSeconds: Math.round(seeded.seconds),
        soaExport,
        readiness,
        riskList,
        importRows: load.importRows,
        import: imported,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The core results as rows: one column per engine. */
export function formatCoreTable(results: readonly CoreResult[]): string {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: string[][] = [["management system", "target", ...results.map((r) => r.engine)]];
  rows.push([
    "SoA derivation + XLSX export (median ms)",
    `< ${coreTargets.soaExportMs}`,
    ...results.map((r) => `${r.soaExport.medianMs} ${mark(r.soaExport.medianMs < coreTargets.soaExportMs)}`),
  ]);
  rows.push([
    "readiness view (median ms)",
    `< ${coreTargets.readinessMs}`,
    ...results.map((r) => `${r.readiness.medianMs} ${mark(r.readiness.medianMs < coreTargets.readinessMs)}`),
  ]);
  rows.push([
    "GET risks?limit=50 p50 / p95 (ms)",
    `p95 < ${coreTargets.riskListP95Ms}`,
    ...results.map((r) => {
      const ok = r.riskList.p95Ms < coreTargets.riskListP95Ms && r.riskList.non2xx === 0 && r.riskList.errors === 0;
      return `${r.riskList.p50Ms} / ${r.riskList.p95Ms} ${mark(ok)}`;
    }),
  ]);
  rows.push(["  requests/s", "", ...results.map((r) => r.riskList.requestsPerSecond.toLocaleString("en"))]);
  rows.push(["  non-2xx + errors", "0", ...results.map((r) => String(r.riskList.non2xx + r.riskList.errors))]);
  rows.push([
    "inventory import (ms)",
    `< ${coreTargets.importMs}`,
    ...results.map(
      (r) => `${r.import.medianMs} ${mark(r.import.medianMs < coreTargets.importMs)} (${r.importRows} rows)`,
    ),
  ]);
  rows.push(["seeding (s)", "", ...results.map((r) => String(r.seedSeconds))]);
  return alignColumns(rows).join("\n");
}
