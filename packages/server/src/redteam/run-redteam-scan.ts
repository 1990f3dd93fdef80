import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { ScanConfig } from "@openaims/redteam";
import type { Kysely } from "kysely";
import { AppError, forbidden } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { auditActorOf } from "../http/register-routes.js";
import { nextRef } from "../records/next-ref.js";
import { targetRefusal } from "./allowed-targets.js";
import { keyRefusal, type RedteamKeyBinding } from "./redteam-keys.js";
import { findScan, presentScan } from "./redteam-queries.js";
import { resolveScanSystem } from "./scan-system.js";
import { serverScanConfig, serverScanEnv } from "./server-scan-config.js";
import { serverScanRunning, startServerScan } from "./server-scan-runner.js";

/** A running scan not heard from for this long was lost with a server restart. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * Starts a scan on the server against a target whose origin the administrator allowed in
 * AIMS_REDTEAM_TARGETS; everything else is refused before anything is sent. Answers 202 with the
 * running scan; the UI follows its progress by reading it.
 */
export const runRedteamScan: Handler<Routes["runRedteamScan"]> = async (ctx) => {
  const { tx, org, input, audit, deps, actor, requestId, request } = ctx;
  const body = input.body;
  const refusal = targetRefusal(body.target.url, deps.config.redteamTargets);
  if (refusal) throw forbidden(refusal);
  const apiKeyEnv = body.target.apiKeyEnv;
  if (apiKeyEnv) await assertKeyUsable(tx, deps.config.redteamKeys, org.orgId, { url: body.target.url, apiKeyEnv });
  const system = await resolveScanSystem(tx, org.orgId, body.system, { active: true });
  if (serverScanRunning()) {
    throw new AppError("conflict", "Another scan is running on this server; start this one when it has finished.");
  }
  const { parseScanConfig } = await import("@openaims/redteam");
  let config: ScanConfig;
  try {
    config = parseScanConfig(serverScanConfig(body));
  } catch (error) {
    const message = error instanceof Error ? error.message : "the scan configuration is not valid";
    throw invalidField("body.target", message, "Scan target");
  }

  const now = new Date();
  await tx
    .updateTable("redteam_scans")
    .set({ status: "failed", problems: JSON.stringify(["The server stopped while the scan ran."]), updated_at: now })
    .where("org_id", "=", org.orgId)
    .where("status", "=", "running")
    .where("updated_at", "<", new Date(now.getTime() - ABANDONED_AFTER_MS))
    .execute();
  // One running scan per organisation, across server processes (a unique index backs this check).
  const running = await tx
    .selectFrom("redteam_scans")
    .select("ref")
    .where("org_id", "=", org.orgId)
    .where("status", "=", "running")
    .executeTakeFirst();
  if (running) {
    throw new AppError("conflict", `Scan ${running.ref} is still running; start this one when it has finished.`);
  }
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "redteam_scan", "RT");
  const target = body.target;
  await tx
    .insertInto("redteam_scans")
    .values({
      id,
      org_id: org.orgId,
      ref,
      system_id: system.id,
      status: "running",
      origin: "web",
      target_kind: target.type,
      target_endpoint: target.url,
      target_model: target.type === "openai" ? target.model : null,
      seed: config.seed,
      progress_done: 0,
      progress_total: 0,
      started_at: now,
      created_by_member_id: org.membershipId,
    })
    .execute();
  await audit({
    action: "redteam_scan.started",
    entityType: "redteam_scan",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      system: system.slug,
      targetKind: target.type,
      targetUrl: target.url,
      apiKeyEnv: target.apiKeyEnv ?? null,
      seed: config.seed,
    }),
  });
  const job = {
    orgId: org.orgId,
    scanId: id,
    system,
    membershipId: org.membershipId,
    actor: auditActorOf(actor),
    requestId,
    config,
    env: serverScanEnv(body, process.env),
  };
  ctx.afterCommit(async () => startServerScan(deps, job, request.log));
  return presentScan(await findScan(tx, org.orgId, id));
};

/** A key goes only to the organisations and origins the administrator bound it to; 400 naming the field otherwise. */
async function assertKeyUsable(
  tx: Kysely<Database>,
  keys: readonly RedteamKeyBinding[],
  orgId: string,
  target: { url: string; apiKeyEnv: string },
): Promise<void> {
  const { slug } = await tx
    .selectFrom("organizations")
    .select("slug")
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  const problem = keyRefusal(keys, target.apiKeyEnv, { id: orgId, slug }, target.url);
  if (problem) {
    throw invalidField("body.target.apiKeyEnv", problem, "API key variable");
  }
}
