import type { ModelScanReport } from "@openaims/contracts";

/**
 * The scanning engine as the corpus, fuzz and benchmark code drive it: `scanPaths` over files and
 * folders, `scanBytes` over bytes in memory, and the SARIF writer. Looked up on the package's entry
 * at run time, so these tests name exactly which part is missing while the engine is being built.
 */
export interface EngineUnderTest {
  scanPaths(paths: string[], options?: Record<string, unknown>): Promise<ModelScanReport>;
  scanBytes?(name: string, bytes: Uint8Array, options?: Record<string, unknown>): Promise<ModelScanReport>;
}

type Exports = Record<string, unknown>;

async function entry(): Promise<Exports> {
  return (await import("../index.js")) as Exports;
}

export async function engineUnderTest(): Promise<EngineUnderTest> {
  const mod = await entry();
  if (typeof mod.scanPaths !== "function")
    throw new Error("@openaims/modelscan does not export scanPaths yet: the engine has not landed.");
  return mod as unknown as EngineUnderTest;
}

/** The engine's SARIF 2.1.0 document for a report. */
export async function sarifOf(report: ModelScanReport): Promise<unknown> {
  const mod = await entry();
  for (const name of ["toSarif", "modelScanSarif", "reportToSarif", "sarifFromReport", "buildSarif"]) {
    const fn = mod[name];
    if (typeof fn === "function") {
      const out = await (fn as (r: ModelScanReport) => unknown)(report);
      return typeof out === "string" ? JSON.parse(out) : out;
    }
  }
  throw new Error("@openaims/modelscan does not export a SARIF writer yet.");
}

/** Errors of the official SARIF 2.1.0 schema for a document (empty when valid). */
export async function validateSarif(sarif: unknown): Promise<string[]> {
  const { sarifValidator } = await import("../../../redteam/src/reports/testing/sarif-validator.js");
  const validate = await sarifValidator();
  if (validate(sarif)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
