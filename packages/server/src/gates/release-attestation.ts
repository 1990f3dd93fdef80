import type { GateSnapshot, Routes } from "@openaims/contracts";
import { IN_TOTO_PAYLOAD_TYPE, releaseStatement, signDsse } from "@openaims/core";
import { AppError, notFound } from "../http/app-error.js";
import { type Handler, RawResponse } from "../http/handler-context.js";
import { findDecision } from "./gate-records.js";
import { findReleasePublicKey, openReleaseKey } from "./signing-key.js";

/**
 * A passed (or overridden) decision as an in-toto Statement v1 in a DSSE envelope, signed with the
 * organisation's Ed25519 key. The statement is built from the recorded snapshot only, so issuing it
 * again gives the same bytes (Ed25519 signatures are deterministic).
 */
export const getGateAttestation: Handler<Routes["getGateAttestation"]> = async ({ tx, org, input, deps }) => {
  const decision = await findDecision(tx, org.orgId, input.params.decisionId);
  if (decision.result === "failed")
    throw new AppError(
      "illegal_transition",
      `Decision ${decision.ref} failed its gate; only passed or overridden decisions can be attested.`,
    );
  const key = await openReleaseKey(tx, deps.secrets, org.orgId);
  if (!key) throw new AppError("illegal_transition", "This organisation has no release key yet.");
  const organization = await tx
    .selectFrom("organizations")
    .select(["id", "slug", "name"])
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  const snapshot = decision.snapshot as GateSnapshot;
  const statement = releaseStatement(decision.snapshot_sha256, {
    organization,
    system: { id: decision.system_id, slug: snapshot.system.slug, name: snapshot.system.name },
    decision: { id: decision.id, ref: decision.ref, result: decision.result as "passed" | "overridden" },
    stage: { from: decision.from_stage, to: decision.to_stage },
    checks: snapshot.checks.map(({ kind, passed, requirement, finding }) => ({ kind, passed, requirement, finding })),
    override: snapshot.override,
    decidedAt: decision.decided_at.toISOString(),
    decidedBy: decision.decided_by_label,
  });
  return signDsse(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement), "utf8"), key.privateKey, key.keyId);
};

/** The organisation's public release key in PEM, for anyone to verify its attestations offline. */
export const getReleaseKey: Handler<Routes["getReleaseKey"]> = async ({ tx, input }) => {
  const pem = await findReleasePublicKey(tx, input.params.orgId);
  if (!pem) throw notFound("Release key of organisation", input.params.orgId);
  return new RawResponse("application/x-pem-file", pem, "release-key.pem");
};
