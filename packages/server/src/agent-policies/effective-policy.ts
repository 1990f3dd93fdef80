import { createHash } from "node:crypto";
import { type ActionClass, type PolicyDocument, policyDocumentSchema } from "@openaims/contracts";
import { type CompiledPolicy, canonicalJson, compilePolicy } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { findAgentTools, toolClassesOf } from "./agent-queries.js";
import { compileCached } from "./compiled-policy-cache.js";

/** The policy an agent is decided by, and where it came from. */
export interface EffectivePolicy {
  policy: CompiledPolicy;
  document: PolicyDocument;
  /** The approved version in force; null when no policy is approved (everything is denied). */
  versionId: string | null;
  sha256: string;
  /** agent: its own policy; organisation: the organisation default; none: nothing approved, deny all. */
  source: "agent" | "organisation" | "none";
  /** Tool call name → action class, from the agent's linked tool assets. */
  toolClasses: Record<string, ActionClass>;
}

/**
 * Why everything is denied when nothing is approved (source "none"): the default rule decides, and
 * callers that report the decision give this reason.
 */
export const NO_POLICY_REASON = "no approved policy";

/**
 * The agent's approved policy version, else the organisation default's approved version, else a
 * policy that denies everything. Fail-closed: a stored version that no longer compiles also denies
 * everything. The system must already be known to be an agent of the organisation.
 */
export async function loadEffectivePolicy(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
): Promise<EffectivePolicy> {
  const [rows, tools] = await Promise.all([
    db
      .selectFrom("agent_policies as policy")
      .innerJoin("agent_policy_versions as version", "version.id", "policy.approved_version_id")
      .select(["policy.system_id", "version.id", "version.document", "version.document_sha256"])
      .where("policy.org_id", "=", orgId)
      .where("version.org_id", "=", orgId)
      .where("policy.archived_at", "is", null)
      .where((eb) => eb.or([eb("policy.system_id", "=", systemId), eb("policy.system_id", "is", null)]))
      .execute(),
    findAgentTools(db, orgId, [systemId]),
  ]);
  const toolClasses = toolClassesOf(tools.get(systemId) ?? []);
  const chosen = rows.find((row) => row.system_id === systemId) ?? rows.find((row) => row.system_id === null);
  if (!chosen) return denyEverything(toolClasses);
  const classesKey = canonicalJson(toolClasses);
  const key = `${chosen.id}:${createHash("sha256").update(classesKey).digest("hex")}`;
  const compiled = compileCached(key, () => compilePolicy(chosen.document, { toolClasses }));
  if (!compiled.ok) return denyEverything(toolClasses);
  return {
    policy: compiled.policy,
    document: compiled.policy.document,
    versionId: chosen.id,
    sha256: chosen.document_sha256,
    source: chosen.system_id === null ? "organisation" : "agent",
    toolClasses,
  };
}

const NONE_DOCUMENT: PolicyDocument = policyDocumentSchema.parse({ default: "deny" });

function denyEverything(toolClasses: Record<string, ActionClass>): EffectivePolicy {
  const compiled = compileCached("none", () => compilePolicy(NONE_DOCUMENT));
  if (!compiled.ok) throw new Error("The deny-everything policy does not compile");
  return {
    policy: compiled.policy,
    document: NONE_DOCUMENT,
    versionId: null,
    sha256: compiled.policy.sha256,
    source: "none",
    toolClasses,
  };
}
