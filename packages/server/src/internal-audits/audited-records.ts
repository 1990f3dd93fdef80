import type { DocumentKind } from "@openaims/contracts";
import { type AttributedRecord, auditableClauseIds, expectedDocumentKindFor } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { ExpressionBuilder, Kysely } from "kysely";

/** What an audit covers, as stored. */
export interface StoredScope {
  clauseIds: readonly string[];
  controlIds: readonly string[];
  systemIds: readonly string[];
}

/** The document kinds the clauses in scope expect (the AI policy for 5.2, the scope for 4.3 …), and the AI policy for A.2. */
function documentKindsInScope(scope: StoredScope, whole: boolean): DocumentKind[] {
  const clauses = whole
    ? auditableClauseIds
    : auditableClauseIds.filter((id) => scope.clauseIds.some((chosen) => id === chosen || id.startsWith(`${chosen}.`)));
  const kinds = new Set<DocumentKind>();
  for (const id of clauses) {
    const kind = expectedDocumentKindFor(id);
    if (kind) kinds.add(kind);
  }
  // The controls of A.2 (policies related to AI) are audited on the AI policy itself.
  if (whole || scope.controlIds.some((id) => id.startsWith("A.2."))) kinds.add("ai_policy");
  return [...kinds];
}

/**
 * The records in an audit's scope that members of its team own or are assigned: the AI systems it names,
 * the controls it covers (all of them for the whole standard), the documents its clauses expect, the risks
 * of those systems and controls with their treatment actions, and the corrective actions of those systems'
 * nonconformities. Archived records, and actions already done or cancelled, are left out. Only the team's
 * members are looked up, so the queries stay small however large the organisation.
 */
export async function findTeamRecordsInScope(
  db: Kysely<Database>,
  orgId: string,
  scope: StoredScope,
  teamMemberIds: readonly string[],
): Promise<AttributedRecord[]> {
  if (teamMemberIds.length === 0) return [];
  const team = [...teamMemberIds];
  const whole = scope.clauseIds.length === 0 && scope.controlIds.length === 0;
  const systemIds = [...scope.systemIds];
  const records: AttributedRecord[] = [];

  if (systemIds.length > 0) {
    const systems = await db
      .selectFrom("ai_systems")
      .select(["id", "slug", "name", "owner_member_id"])
      .where("org_id", "=", orgId)
      .where("id", "in", systemIds)
      .where("archived_at", "is", null)
      .where("owner_member_id", "in", team)
      .execute();
    for (const s of systems)
      records.push({
        kind: "ai_system",
        id: s.id,
        ref: s.slug,
        title: s.name,
        relation: "owner",
        memberId: s.owner_member_id as string,
      });
  }

  let controlQuery = db
    .selectFrom("controls")
    .select(["id", "ref", "title", "owner_member_id"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null);
  if (!whole)
    controlQuery = controlQuery.where("ref", "in", scope.controlIds.length > 0 ? [...scope.controlIds] : [""]);
  const controlsInScope = whole || scope.controlIds.length > 0 ? await controlQuery.execute() : [];
  for (const c of controlsInScope)
    if (c.owner_member_id && team.includes(c.owner_member_id))
      records.push({
        kind: "control",
        id: c.id,
        ref: c.ref,
        title: c.title,
        relation: "owner",
        memberId: c.owner_member_id,
      });

  const kinds = documentKindsInScope(scope, whole);
  if (kinds.length > 0) {
    const documents = await db
      .selectFrom("documents")
      .select(["id", "ref", "title", "owner_member_id"])
      .where("org_id", "=", orgId)
      .where("kind", "in", kinds)
      .where("archived_at", "is", null)
      .where("owner_member_id", "in", team)
      .execute();
    for (const d of documents)
      records.push({
        kind: "document",
        id: d.id,
        ref: d.ref,
        title: d.title,
        relation: "owner",
        memberId: d.owner_member_id as string,
      });
  }

  const controlIds = controlsInScope.map((c) => c.id);
  if (systemIds.length > 0 || controlIds.length > 0) {
    // Risks of the systems in scope or treated by the controls in scope, as a condition on `r`, so only
    // those the team owns (or whose actions the team holds) are read, however many risks there are.
    const riskInScope = (eb: ExpressionBuilder<Database & { r: Database["risks"] }, "r">) =>
      eb.or([
        ...(systemIds.length > 0 ? [eb("r.system_id", "in", systemIds)] : []),
        ...(controlIds.length > 0
          ? [
              eb(
                "r.id",
                "in",
                eb
                  .selectFrom("control_risks")
                  .select("risk_id")
                  .where("org_id", "=", orgId)
                  .where("archived_at", "is", null)
                  .where("control_id", "in", controlIds),
              ),
            ]
          : []),
      ]);
    const risks = await db
      .selectFrom("risks as r")
      .select(["r.id", "r.ref", "r.title", "r.owner_member_id"])
      .where("r.org_id", "=", orgId)
      .where("r.archived_at", "is", null)
      .where("r.owner_member_id", "in", team)
      .where(riskInScope)
      .execute();
    for (const r of risks)
      records.push({
        kind: "risk",
        id: r.id,
        ref: r.ref,
        title: r.title,
        relation: "owner",
        memberId: r.owner_member_id as string,
      });
    const actions = await db
      .selectFrom("risk_treatment_actions as a")
      .innerJoin("risks as r", "r.id", "a.risk_id")
      .select(["a.id", "a.title", "a.owner_member_id", "r.ref"])
      .where("a.org_id", "=", orgId)
      .where("r.archived_at", "is", null)
      .where("a.archived_at", "is", null)
      .where("a.status", "not in", ["done", "cancelled"])
      .where("a.owner_member_id", "in", team)
      .where(riskInScope)
      .execute();
    for (const a of actions)
      records.push({
        kind: "treatment_action",
        id: a.id,
        ref: a.ref,
        title: a.title,
        relation: "assignee",
        memberId: a.owner_member_id as string,
      });
  }

  if (systemIds.length > 0) {
    const actions = await db
      .selectFrom("corrective_actions as a")
      .innerJoin("nonconformities as nc", "nc.id", "a.nonconformity_id")
      .select(["a.id", "a.title", "a.owner_member_id", "nc.ref"])
      .where("a.org_id", "=", orgId)
      .where("nc.system_id", "in", systemIds)
      .where("a.status", "not in", ["done", "cancelled"])
      .where("a.owner_member_id", "in", team)
      .execute();
    for (const a of actions)
      records.push({
        kind: "corrective_action",
        id: a.id,
        ref: a.ref,
        title: a.title,
        relation: "assignee",
        memberId: a.owner_member_id as string,
      });
  }
  return records;
}
