import type {
  ImprovementStatus,
  InternalAuditDetail,
  NonconformitySeverity,
  NonconformityStatus,
} from "@openaims/contracts";
import { type AuditTeamMember, findIndependenceWarnings } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { loadAudit } from "./audit-queries.js";
import { findTeamRecordsInScope } from "./audited-records.js";
import { loadChecklist } from "./checklist-item-queries.js";

/**
 * An audit with everything its page shows: the checklist, warnings about auditors who would audit their
 * own area, and the nonconformities and improvements raised from its items. Another organisation's
 * audit answers 404.
 */
export async function loadAuditDetail(db: Kysely<Database>, orgId: string, id: string): Promise<InternalAuditDetail> {
  const audit = await loadAudit(db, orgId, id);
  const items = await loadChecklist(db, orgId, id);
  const team: AuditTeamMember[] = [
    ...(audit.lead ? [{ memberId: audit.lead.memberId, name: audit.lead.name, teamRole: "lead" as const }] : []),
    ...audit.auditors.map(({ memberId, name }) => ({ memberId, name, teamRole: "auditor" as const })),
  ];
  const records = await findTeamRecordsInScope(
    db,
    orgId,
    {
      clauseIds: audit.scope.clauseIds,
      controlIds: audit.scope.controlIds,
      systemIds: audit.scope.systems.map((system) => system.id),
    },
    team.map((member) => member.memberId),
  );
  const raisedNc = items.flatMap((item) => (item.nonconformity ? [[item.nonconformity.id, item.id] as const] : []));
  const raisedImp = items.flatMap((item) => (item.improvement ? [[item.improvement.id, item.id] as const] : []));
  const [ncs, imps] = await Promise.all([
    raisedNc.length === 0
      ? []
      : db
          .selectFrom("nonconformities")
          .select(["id", "ref", "title", "severity", "status"])
          .where("org_id", "=", orgId)
          .where(
            "id",
            "in",
            raisedNc.map(([ncId]) => ncId),
          )
          .orderBy("created_at")
          .execute(),
    raisedImp.length === 0
      ? []
      : db
          .selectFrom("improvements")
          .select(["id", "ref", "title", "status"])
          .where("org_id", "=", orgId)
          .where(
            "id",
            "in",
            raisedImp.map(([impId]) => impId),
          )
          .orderBy("created_at")
          .execute(),
  ]);
  const ncItem = new Map(raisedNc);
  const impItem = new Map(raisedImp);
  return {
    ...audit,
    items,
    independenceWarnings: findIndependenceWarnings(team, records),
    nonconformities: ncs.map((nc) => ({
      id: nc.id,
      ref: nc.ref,
      title: nc.title,
      severity: nc.severity as NonconformitySeverity,
      status: nc.status as NonconformityStatus,
      itemId: ncItem.get(nc.id) as string,
    })),
    improvements: imps.map((imp) => ({
      id: imp.id,
      ref: imp.ref,
      title: imp.title,
      status: imp.status as ImprovementStatus,
      itemId: impItem.get(imp.id) as string,
    })),
  };
}
