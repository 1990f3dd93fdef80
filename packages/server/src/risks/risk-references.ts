import { annexCRiskSources, findThreat } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { FieldProblem } from "./field-errors.js";

const riskSourceIds = new Set(annexCRiskSources.map((source) => source.id));
const riskSourceRange = `${annexCRiskSources[0]?.id}–${annexCRiskSources[annexCRiskSources.length - 1]?.id}`;

/** Ids a risk or treatment action points at; only the ones present are checked. */
export interface RiskReferences {
  systemId?: string | null;
  ownerMemberId?: string | null;
  threatId?: string | null;
  riskSources?: string[];
}

/**
 * Checks that every referenced record exists in this organisation and can still be used: an active
 * AI system, an active member, a threat of the library, Annex C risk sources. Problems name the field.
 */
export async function checkRiskReferences(
  db: Kysely<Database>,
  orgId: string,
  refs: RiskReferences,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (refs.systemId) {
    const system = await db
      .selectFrom("ai_systems")
      .select(["archived_at"])
      .where("org_id", "=", orgId)
      .where("id", "=", refs.systemId)
      .executeTakeFirst();
    if (!system) problems.push({ field: "systemId", message: "is not an AI system of this organisation" });
    else if (system.archived_at) problems.push({ field: "systemId", message: "is an archived AI system" });
  }
  if (refs.ownerMemberId) {
    const problem = await checkMember(db, orgId, refs.ownerMemberId);
    if (problem) problems.push({ field: "ownerMemberId", message: problem });
  }
  if (refs.threatId && !findThreat(refs.threatId))
    problems.push({ field: "threatId", message: `'${refs.threatId}' is not a threat of the library` });
  const unknown = (refs.riskSources ?? []).filter((id) => !riskSourceIds.has(id));
  if (unknown.length > 0)
    problems.push({
      field: "riskSources",
      message: `${unknown.join(", ")} is not an Annex C risk source (${riskSourceRange})`,
    });
  if (refs.riskSources && new Set(refs.riskSources).size !== refs.riskSources.length)
    problems.push({ field: "riskSources", message: "lists a risk source twice" });
  return problems;
}

/** Why a membership cannot own something, or null when it can. */
export async function checkMember(db: Kysely<Database>, orgId: string, memberId: string): Promise<string | null> {
  const member = await db
    .selectFrom("memberships")
    .select(["archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (!member) return "is not a member of this organisation";
  if (member.archived_at) return "is a member who has left this organisation";
  return null;
}
