import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  type GateCheckResultView,
  type GateDecision,
  type GateReport,
  gateDecisionSchema,
  gateReportSchema,
  gateStageSchema,
  type LifecycleStage,
  labelOf,
} from "@openaims/contracts";
import { checkFailed, usageError } from "../cli-error.js";
import { parseFlag } from "../input.js";
import type { CliIo } from "../io.js";
import { printJson } from "../output.js";
import { type RemoteApi, remoteApi } from "../remote/api-client.js";

export interface GateFlags {
  system: string;
  stage: string;
  json?: boolean;
  out?: string;
}

/** The organisation of the token and the system's id, looked up by its slug. */
async function findSystem(api: RemoteApi, slug: string): Promise<{ orgId: string; systemId: string }> {
  const wanted = slug.trim().toLowerCase();
  if (!wanted || wanted.length > 80) throw usageError("--system: give the AI system's slug, e.g. support-chatbot.");
  const orgId = await api.tokenOrgId();
  const query = new URLSearchParams({ slug: wanted, archived: "all", limit: "1" });
  const page = (await (await api.get(`/api/v1/orgs/${orgId}/systems?${query}`)).json()) as {
    items: { id: string }[];
  };
  const system = page.items[0];
  // An unknown slug is a usage error: a pipeline's gate answers 0 (pass), 1 (fail) or 2 (anything it asked wrongly).
  if (!system) throw usageError(`--system: no AI system with the slug '${wanted}' in this organisation.`);
  return { orgId, systemId: system.id };
}

function printChecks(io: CliIo, checks: GateCheckResultView[]): void {
  if (checks.length === 0) io.stdout("  (no checks: the checklist for this stage is empty)\n");
  for (const check of checks) {
    io.stdout(`  ${check.passed ? "PASS" : "FAIL"}  ${labelOf("gateCheckKind", check.kind)}\n`);
    io.stdout(`        requires: ${check.requirement}\n        found:    ${check.finding}\n`);
  }
}

const stageName = (stage: LifecycleStage) => labelOf("lifecycleStage", stage).toLowerCase();

/** `aims gate check`: evaluates the gate on the server and exits 0 when it passes, 1 when it does not. */
export async function checkGate(flags: GateFlags, io: CliIo): Promise<void> {
  const stage = parseFlag(gateStageSchema, flags.stage, "--stage");
  const api = remoteApi(io);
  const { orgId, systemId } = await findSystem(api, flags.system);
  const response = await api.get(`/api/v1/orgs/${orgId}/systems/${systemId}/gate?stage=${stage}`);
  const report: GateReport = gateReportSchema.parse(await response.json());
  if (flags.json) printJson(io, report);
  else {
    io.stdout(
      `Gate into ${stageName(report.stage)} for ${report.system.slug} (now ${stageName(report.fromStage)}, ${labelOf("impactTier", report.system.impactTier).toLowerCase()} impact): ${report.passed ? "PASSES" : "FAILS"}\n`,
    );
    printChecks(io, report.checks);
  }
  if (!report.passed) {
    const failing = report.checks.filter((check) => !check.passed).map((check) => check.finding);
    throw checkFailed(`The gate into ${stageName(report.stage)} fails for ${report.system.slug}: ${failing.join(" ")}`);
  }
}

/**
 * `aims gate pass`: records the decision on the server (which evaluates the gate itself); on a pass
 * the system moves on, and with --out the signed attestation is written to a file.
 */
export async function passGate(flags: GateFlags, io: CliIo): Promise<void> {
  const stage = parseFlag(gateStageSchema, flags.stage, "--stage");
  const api = remoteApi(io);
  const { orgId, systemId } = await findSystem(api, flags.system);
  const response = await api.post(
    `/api/v1/orgs/${orgId}/systems/${systemId}/gate/decisions`,
    JSON.stringify({ stage }),
    "application/json",
  );
  const decision: GateDecision = gateDecisionSchema.parse(await response.json());
  const result = labelOf("gateResult", decision.result);
  if (!flags.json) {
    io.stdout(`${decision.ref}: gate into ${stageName(decision.toStage)} for ${decision.system.slug}: ${result}\n`);
    printChecks(io, decision.snapshot.checks);
  }
  if (decision.result === "failed") {
    if (flags.json) printJson(io, { decision, attestation: null });
    throw checkFailed(
      `The gate into ${stageName(decision.toStage)} fails for ${decision.system.slug}; nothing was attested.`,
    );
  }
  let written: string | null = null;
  if (flags.out) {
    const attestation = await api.get(`/api/v1/orgs/${orgId}/gate-decisions/${decision.id}/attestation`);
    written = resolve(io.cwd, flags.out);
    await writeFile(written, `${JSON.stringify(await attestation.json(), null, 2)}\n`);
  }
  if (flags.json) printJson(io, { decision, attestation: written });
  else if (written) io.stdout(`Wrote the signed release attestation to ${written}.\n`);
}

/** `aims gate key`: downloads the organisation's public release key (PEM). */
export async function downloadReleaseKey(flags: { out?: string }, io: CliIo): Promise<void> {
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const pem = await (await api.get(`/api/v1/orgs/${orgId}/.well-known/release-key.pem`)).text();
  if (!flags.out) {
    io.stdout(pem);
    return;
  }
  const out = resolve(io.cwd, flags.out);
  await writeFile(out, pem);
  io.stdout(`Wrote the organisation's public release key to ${out}.\n`);
}
