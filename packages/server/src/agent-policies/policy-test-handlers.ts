import {
  type ActionDecision,
  type policyTestRequestSchema,
  REPLAY_MAX_STEPS,
  REPLAY_TRACE_MAX,
  type Routes,
} from "@openaims/contracts";
import {
  compilePolicy,
  type ParseTraceResult,
  parseTraceJsonl,
  replayTrace,
  type TraceEntry,
  traceFromRedteamTranscript,
} from "@openaims/core";
import type { BlobStore, Database } from "@openaims/db";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { readVerifiedBlob } from "../records/read-verified-blob.js";
import { checkPolicySource, loadToolScope, problemsInWords } from "./policy-check.js";
import { diffLines, diffPolicyDocuments } from "./policy-diff.js";
import { findPolicy, findPolicyVersion, listPolicyVersions, type PolicyRow } from "./policy-queries.js";

export const diffAgentPolicyVersions: Handler<Routes["diffAgentPolicyVersions"]> = async ({ tx, org, input }) => {
  const policy = await findPolicy(tx, org.orgId, input.params.policyId);
  const { from, to } = await versionsToCompare(tx, org.orgId, policy, input.query);
  return {
    from: { id: from.id, number: from.number, status: from.status as "draft" },
    to: { id: to.id, number: to.number, status: to.status as "draft" },
    changes: diffPolicyDocuments(from.document, to.document),
    lines: diffLines(from.source, to.source),
  };
};

/** The two versions a diff compares, as named or by default (newest against approved or the one before). */
async function versionsToCompare(
  db: Kysely<Database>,
  orgId: string,
  policy: PolicyRow,
  query: { from?: string | undefined; to?: string | undefined },
) {
  const versions = await listPolicyVersions(db, orgId, policy.id);
  const pick = (id: string, field: string) => {
    const found = versions.find((version) => version.id === id);
    if (!found) throw invalidField(field, "is not a version of this policy", "Version");
    return found;
  };
  const to = query.to ? pick(query.to, "query.to") : versions[0];
  if (!to) throw new AppError("illegal_transition", `${policy.ref} has no versions to compare yet.`);
  const from = query.from
    ? pick(query.from, "query.from")
    : (versions.find((version) => version.id === policy.approved_version_id && version.id !== to.id) ??
      versions.find((version) => version.number < to.number));
  if (!from)
    throw invalidField("query.from", `there is no version before version ${to.number} to compare with`, "Version");
  return { from, to };
}

export const testAgentPolicyVersion: Handler<Routes["testAgentPolicyVersion"]> = async ({
  tx,
  org,
  input,
  deps,
  request,
}) => {
  const policy = await findPolicy(tx, org.orgId, input.params.policyId);
  const version = await findPolicyVersion(tx, org.orgId, policy.id, input.params.versionId);
  const scope = await loadToolScope(tx, org.orgId, policy.system_id);
  // A draft may name tools the agent does not have yet; the test decides them as written.
  const check = checkPolicySource(version.source, { toolClasses: scope.toolClasses });
  const tested = check.compiled?.ok ? check.compiled.policy : null;
  if (!tested) {
    throw new AppError(
      "validation_failed",
      `Version ${version.number} does not compile, so it cannot be tested: ${problemsInWords(check.errors.slice(0, 5))}.`,
      { problems: check.errors },
    );
  }
  const trace = await loadTrace(tx, { blobs: deps.blobs, log: request.log }, org.orgId, policy, input.body);
  const baselineRow = policy.approved_version_id
    ? await findPolicyVersion(tx, org.orgId, policy.id, policy.approved_version_id)
    : null;
  const baselineCompiled = baselineRow ? compilePolicy(baselineRow.document, { toolClasses: scope.toolClasses }) : null;
  const baseline = baselineCompiled?.ok ? baselineCompiled.policy : null;
  const result = replayTrace(tested, baseline, trace);
  const items = result.steps.map((step) => ({
    index: step.index,
    kind: step.call.kind,
    name: step.call.name,
    arguments: step.call.arguments,
    before: step.before ? brief(step.before) : null,
    after: brief(step.after),
    changed: step.changed,
  }));
  items.sort((a, b) => Number(b.changed) - Number(a.changed) || a.index - b.index);
  return {
    baselineVersionId: baseline ? (baselineRow?.id ?? null) : null,
    steps: result.counts.steps,
    changed: result.counts.changed,
    outcomes: result.counts.after,
    items,
  };
};

function brief(decision: ActionDecision) {
  return { outcome: decision.outcome, rule: decision.rule, reason: decision.reason };
}

type TestInput = z.output<typeof policyTestRequestSchema>;

/** Where stored transcripts are read from, and where a corrupted one is reported. */
interface Storage {
  blobs: BlobStore;
  log: FastifyBaseLogger;
}

/**
 * The transcript of a scan the server ran, read back from blob storage and checked against its hash.
 * An uploaded scan brings only the transcript's hash, so it is a 400 saying to paste the file instead.
 */
async function storedTranscript(db: Kysely<Database>, storage: Storage, orgId: string, scanId: string) {
  const scan = await db
    .selectFrom("redteam_scans")
    .select(["ref", "status", "transcript_sha256"])
    .where("org_id", "=", orgId)
    .where("id", "=", scanId)
    .executeTakeFirst();
  if (!scan) throw notFound("Red-team scan", scanId);
  const field = "body.redteamScanId";
  if (!scan.transcript_sha256) {
    throw invalidField(field, `${scan.ref} has no transcript (it is ${scan.status})`, "Red-team scan");
  }
  const blob = await readVerifiedBlob(storage.blobs, scan.transcript_sha256);
  if (blob.state === "missing") {
    throw invalidField(
      field,
      `${scan.ref} was uploaded with its transcript's hash only; paste its transcript.jsonl as redteamTranscript instead`,
      "Red-team scan",
    );
  }
  if (blob.state === "corrupted") {
    storage.log.error(
      { scanId, expectedSha256: scan.transcript_sha256, actualSha256: blob.actualSha256 },
      "red-team transcript no longer matches its SHA-256",
    );
    throw new AppError(
      "internal",
      `The stored transcript of ${scan.ref} no longer matches its SHA-256. Restore it from a backup.`,
    );
  }
  if (blob.bytes.length > REPLAY_TRACE_MAX) {
    const megabytes = REPLAY_TRACE_MAX / (1024 * 1024);
    throw invalidField(
      field,
      `${scan.ref}'s transcript is larger than a replay reads (${megabytes} MB)`,
      "Red-team scan",
    );
  }
  return blob.bytes.toString("utf8");
}

/** The entries of a parsed trace, or a 400 naming the field and the first lines in error. */
function parsedTrace(parsed: ParseTraceResult, field: string, label: string): TraceEntry[] {
  if (!parsed.ok) {
    const listed = parsed.errors.slice(0, 5).map((error) => `line ${error.line} ${error.message}`);
    throw invalidField(field, listed.join("; "), label);
  }
  if (parsed.entries.length === 0) throw invalidField(field, "has no steps to replay", label);
  return bounded(parsed.entries, field);
}

/** The trace to replay: pasted JSON Lines, a red-team scan's transcript, or the agent's recent decisions. */
async function loadTrace(
  db: Kysely<Database>,
  storage: Storage,
  orgId: string,
  policy: PolicyRow,
  body: TestInput,
): Promise<TraceEntry[]> {
  if (body.trace !== undefined) {
    return parsedTrace(parseTraceJsonl(body.trace), "body.trace", "Trace");
  }
  if (body.redteamTranscript !== undefined) {
    return parsedTrace(
      traceFromRedteamTranscript(body.redteamTranscript),
      "body.redteamTranscript",
      "Red-team transcript",
    );
  }
  if (body.redteamScanId !== undefined) {
    const transcript = await storedTranscript(db, storage, orgId, body.redteamScanId);
    return parsedTrace(traceFromRedteamTranscript(transcript), "body.redteamScanId", "Red-team scan");
  }
  if (policy.system_id === null) {
    throw invalidField(
      "body.fromDecisionLog",
      "the organisation default has no decision log of its own; test it with a trace",
      "Decision log",
    );
  }
  const limit = body.fromDecisionLog?.limit ?? 100;
  const rows = await db
    .selectFrom("agent_decisions")
    .select(["session_id", "action_kind", "action_name", "arguments", "outcome", "decided_at"])
    .where("org_id", "=", orgId)
    .where("system_id", "=", policy.system_id)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.reverse().map((row) => ({
    session: row.session_id ?? "no-session",
    kind: row.action_kind as TraceEntry["kind"],
    name: row.action_name,
    arguments: row.arguments,
    at: row.decided_at.toISOString(),
    recorded: row.outcome as TraceEntry["recorded"] & string,
  }));
}

function bounded(entries: TraceEntry[], field: string): TraceEntry[] {
  if (entries.length > REPLAY_MAX_STEPS) {
    throw invalidField(field, `holds ${entries.length} steps; a test replays at most ${REPLAY_MAX_STEPS}`, "Trace");
  }
  return entries;
}
