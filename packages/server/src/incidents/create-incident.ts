import { randomUUID } from "node:crypto";
import type { IncidentLinkKind, IncidentSeverity } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { notFound } from "../http/app-error.js";
import { nextRef } from "../records/next-ref.js";
import { checkLinkTarget, systemsOfAlerts } from "./incident-links.js";

/** An incident to open. */
export interface NewIncident {
  title: string;
  description: string;
  severity: IncidentSeverity;
  systemIds: string[];
  links: { kind: IncidentLinkKind; id: string }[];
  /** When it was noticed; now when not given. */
  detectedAt?: Date;
  /** When it began, if known. */
  occurredAt?: Date | null;
  /** The first timeline entry's text, e.g. where the incident came from. */
  origin?: string;
}

/** `INC-0001`: the organisation's next number of a kind, four digits at least. */
export async function nextPaddedRef(tx: Kysely<Database>, orgId: string, kind: string, prefix: string) {
  const plain = await nextRef(tx, orgId, kind, prefix);
  return `${prefix}-${plain.slice(prefix.length + 1).padStart(4, "0")}`;
}

/**
 * Opens an incident in status reported under the next INC-n reference, with its affected systems and
 * links, a first timeline entry and an audit entry, in the caller's transaction. Other modules call
 * it too: an alert rule opens an incident as the system (membershipId null) with the alert linked.
 * An alert link makes the alert's system affected. Systems and link targets must be records of the
 * same organisation (404 otherwise).
 */
export async function createIncident(
  tx: Kysely<Database>,
  scope: { orgId: string; membershipId: string | null },
  audit: (event: AuditEvent) => Promise<void>,
  input: NewIncident,
): Promise<{ id: string; ref: string }> {
  const links = uniqueLinks(input.links);
  for (const [index, link] of links.entries()) await checkLinkTarget(tx, scope.orgId, link, `links.${index}.id`);
  const alertIds = links.filter((link) => link.kind === "alert").map((link) => link.id);
  const systemIds = [...new Set([...input.systemIds, ...(await systemsOfAlerts(tx, scope.orgId, alertIds))])];
  if (systemIds.length > 0) {
    const found = await tx
      .selectFrom("ai_systems")
      .select("id")
      .where("org_id", "=", scope.orgId)
      .where("id", "in", systemIds)
      .execute();
    const known = new Set(found.map((row) => row.id));
    const missing = systemIds.find((id) => !known.has(id));
    if (missing) throw notFound("AI system", missing);
  }

  const id = randomUUID();
  const ref = await nextPaddedRef(tx, scope.orgId, "incident", "INC");
  const detectedAt = input.detectedAt ?? new Date();
  await tx
    .insertInto("incidents")
    .values({
      id,
      org_id: scope.orgId,
      ref,
      title: input.title,
      description: input.description,
      severity: input.severity,
      status: "reported",
      detected_at: detectedAt,
      occurred_at: input.occurredAt ?? null,
      root_cause: "",
      reported_by_member_id: scope.membershipId,
    })
    .execute();
  if (systemIds.length > 0) {
    await tx
      .insertInto("incident_systems")
      .values(systemIds.map((systemId) => ({ incident_id: id, org_id: scope.orgId, system_id: systemId })))
      .execute();
  }
  if (links.length > 0) {
    await tx
      .insertInto("incident_links")
      .values(
        links.map((link) => ({
          id: randomUUID(),
          org_id: scope.orgId,
          incident_id: id,
          kind: link.kind,
          target_id: link.id,
          created_by_member_id: scope.membershipId,
        })),
      )
      .execute();
  }
  await tx
    .insertInto("incident_timeline_entries")
    .values({
      id: randomUUID(),
      org_id: scope.orgId,
      incident_id: id,
      kind: "status_change",
      body: input.origin ?? (scope.membershipId ? "Incident reported." : "Incident opened automatically."),
      from_status: null,
      to_status: "reported",
      author_member_id: scope.membershipId,
    })
    .execute();
  await audit({
    action: "incident.created",
    entityType: "incident",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      title: input.title,
      description: input.description,
      severity: input.severity,
      status: "reported",
      detectedAt: detectedAt.toISOString(),
      occurredAt: input.occurredAt?.toISOString() ?? null,
      systemIds,
      links,
    }),
  });
  return { id, ref };
}

function uniqueLinks(links: readonly { kind: IncidentLinkKind; id: string }[]) {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.kind}:${link.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
