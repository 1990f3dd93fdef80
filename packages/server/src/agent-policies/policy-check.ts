import { createHash } from "node:crypto";
import type { ActionClass, PolicyProblem } from "@openaims/contracts";
import { type CompilePolicyResult, canonicalJson, compilePolicy, parsePolicySource } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AgentTool, findAgentTools, toolClassesOf } from "./agent-queries.js";

/** The tools a policy may name: the agent's own, or every tool asset of the organisation for its default. */
export interface PolicyToolScope {
  /** Absent: any tool name is accepted (a replay test of a draft). */
  knownTools?: string[];
  toolClasses: Record<string, ActionClass>;
}

/** What checking a policy text found: its parsed document (null when it does not parse) and its mistakes. */
export interface PolicyCheck {
  document: Record<string, unknown> | null;
  sha256: string;
  errors: PolicyProblem[];
  warnings: PolicyProblem[];
  compiled: CompilePolicyResult | null;
}

/** The tool scope of an agent (systemId) or of the organisation default (null). */
export async function loadToolScope(
  db: Kysely<Database>,
  orgId: string,
  systemId: string | null,
): Promise<PolicyToolScope> {
  const tools = await findAgentTools(db, orgId, systemId === null ? null : [systemId]);
  const list: AgentTool[] = tools.get(systemId ?? "*") ?? [];
  return { knownTools: [...new Set(list.map((tool) => tool.toolName))], toolClasses: toolClassesOf(list) };
}

/**
 * Parses and compiles a policy text as approval does. A source that is not an object, or does not
 * parse, is one error at path `source`.
 */
export function checkPolicySource(source: string, scope: PolicyToolScope): PolicyCheck {
  const parsed = parsePolicySource(source);
  if (!parsed.ok) {
    return {
      document: null,
      sha256: sha256Of(null),
      errors: parsed.errors.map(atSource),
      warnings: [],
      compiled: null,
    };
  }
  const value = parsed.document;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      document: null,
      sha256: sha256Of(null),
      errors: [{ path: "source", message: "must be a mapping of policy keys (default, tools, flows …)" }],
      warnings: [],
      compiled: null,
    };
  }
  const document = value as Record<string, unknown>;
  const compiled = compilePolicy(document, scope);
  if (compiled.ok) {
    return { document, sha256: compiled.policy.sha256, errors: [], warnings: compiled.warnings, compiled };
  }
  return { document, sha256: sha256Of(document), errors: compiled.errors, warnings: [], compiled };
}

function atSource(error: PolicyProblem): PolicyProblem {
  return { path: error.path === "" ? "source" : error.path, message: error.message };
}

function sha256Of(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** Problems as one sentence each, naming the path: "tools.refund_all: unknown tool". */
export function problemsInWords(problems: readonly PolicyProblem[]): string {
  return problems.map((problem) => `${problem.path || "source"}: ${problem.message}`).join("; ");
}
