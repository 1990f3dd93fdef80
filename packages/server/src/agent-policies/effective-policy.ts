import { createHash } from "node:crypto";
import { type ActionClass, type PolicyDocument, policyDocumentSchema } from "@openaims/contracts";
import { type CompiledPolicy, canonicalJson, compilePolicy } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { isUuid } from "../records/is-uuid.js";
import { isLiveLink, isLiveTool, presentTool, toolClassesOf, toolColumns } from "./agent-queries.js";
import { cachedCompilation, compileCached } from "./compiled-policy-cache.js";

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

/** An approved version that may apply to an agent: its own (system_id set) or the organisation default. */
interface PolicyHead {
  system_id: string | null;
  id: string;
  document_sha256: string;
}

/** An agent's system row and the policy it is decided by, read together. */
export interface AgentPolicyContext {
  system: { id: string; slug: string; name: string; capabilities: string[]; archived_at: Date | null };
  effective: EffectivePolicy;
}

/**
 * The system row with what its effective policy is made of — the approved versions that may apply and
 * the linked tool assets — in one statement, since the decision API reads it on every call. The
 * document itself is read only when its compiled form is not cached. Undefined for an unknown system.
 */
export async function loadAgentPolicyContext(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
): Promise<AgentPolicyContext | undefined> {
  if (!isUuid(systemId)) return undefined;
  const row = await db
    .selectFrom("ai_systems as system")
    .select(["system.id", "system.slug", "system.name", "system.capabilities", "system.archived_at"])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("agent_policies as policy")
          .innerJoin("agent_policy_versions as version", "version.id", "policy.approved_version_id")
          .select(["policy.system_id", "version.id", "version.document_sha256"])
          .where("policy.org_id", "=", orgId)
          .where("version.org_id", "=", orgId)
          .where("policy.archived_at", "is", null)
          .where((w) => w.or([w("policy.system_id", "=", w.ref("system.id")), w("policy.system_id", "is", null)])),
      ).as("policies"),
      jsonArrayFrom(
        eb
          .selectFrom("ai_assets as asset")
          .innerJoin("ai_system_assets as link", "link.asset_id", "asset.id")
          .select(toolColumns)
          .where((w) => isLiveTool(w, orgId))
          .where((w) => isLiveLink(w, orgId))
          .whereRef("link.system_id", "=", "system.id")
          .orderBy("asset.name")
          .orderBy("asset.id")
          .limit(10_000),
      ).as("tools"),
    ])
    .where("system.org_id", "=", orgId)
    .where("system.id", "=", systemId.toLowerCase())
    .executeTakeFirst();
  if (!row) return undefined;
  const toolClasses = toolClassesOf(row.tools.map(presentTool));
  const { policies, tools: _tools, ...system } = row;
  return { system, effective: await effectivePolicyOf(db, orgId, row.id, policies, toolClasses) };
}

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
  const context = await loadAgentPolicyContext(db, orgId, systemId);
  return context?.effective ?? denyEverything({});
}

async function effectivePolicyOf(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
  heads: PolicyHead[],
  toolClasses: Record<string, ActionClass>,
): Promise<EffectivePolicy> {
  const chosen = heads.find((head) => head.system_id === systemId) ?? heads.find((head) => head.system_id === null);
  if (!chosen) return denyEverything(toolClasses);
  const classesKey = canonicalJson(toolClasses);
  const key = `${chosen.id}:${createHash("sha256").update(classesKey).digest("hex")}`;
  let compiled = cachedCompilation(key);
  if (!compiled) {
    const version = await db
      .selectFrom("agent_policy_versions")
      .select("document")
      .where("org_id", "=", orgId)
      .where("id", "=", chosen.id)
      .executeTakeFirst();
    if (!version) return denyEverything(toolClasses);
    compiled = compileCached(key, () => compilePolicy(version.document, { toolClasses }));
  }
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
