/** The cases a configuration would run, without running them (for exports and dry runs). */
import { loadPacks } from "../config/load-packs.js";
import type { ScanConfig } from "../config/scan-config.js";
import type { PlannedCase, ProbePack, TargetCapabilities } from "../model.js";
import { createTarget } from "../targets/create-target.js";
import { resolveEnvRecord, resolveTargetSecrets } from "../targets/env-template.js";
import { type Plan, planCases } from "./plan-cases.js";

/** Trap URLs in an exported plan point nowhere: no listener runs outside a scan. */
const OFFLINE_TRAP = "http://127.0.0.1:9/t/";

/** The plan of a configuration for a target, with the target's secrets and objects read from `env`. */
export function planForTarget(
  config: ScanConfig,
  packs: ProbePack[],
  capabilities: TargetCapabilities,
  env: NodeJS.ProcessEnv,
  trapUrlFor: (token: string) => string,
): Plan {
  return planCases({
    packs,
    config,
    capabilities,
    targetSecrets: resolveTargetSecrets(config.target, env),
    targetObjects: resolveEnvRecord(config.target.objects, env, "objects"),
    trapUrlFor,
  });
}

export async function planScan(config: ScanConfig, env: NodeJS.ProcessEnv = process.env): Promise<PlannedCase[]> {
  const packs = await loadPacks(config.packs);
  const target = createTarget(config.target, env);
  try {
    const plan = planForTarget(
      config,
      packs.map(({ pack }) => pack),
      target.capabilities(),
      env,
      (token) => `${OFFLINE_TRAP}${token}`,
    );
    return plan.entries.flatMap((entry) => (entry.kind === "run" ? [entry.planned] : []));
  } finally {
    await target.close();
  }
}
