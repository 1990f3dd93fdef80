import type { HomeView, Routes } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { auditHeadSeq, currentReadinessSummary, readinessTrend } from "../readiness/readiness-snapshots.js";
import { loadExpiringEvidence } from "./expiring-evidence.js";
import { HeadKeyedCache } from "./head-keyed-cache.js";
import { loadLatestSecurityTests } from "./latest-security-tests.js";
import { loadRiskHeatMap } from "./risk-heat-map.js";
import { loadSystemCounts } from "./system-counts.js";
import { loadWaitingOnMe, type WaitingFor } from "./waiting-on-me.js";

/** How long the clock alone may leave a cached part stale (evidence expiring, dates passing mid-day). */
const MAX_AGE_MS = 60_000;

type OrgPart = Omit<HomeView, "generatedAt" | "waitingOnMe">;
const orgParts = new HeadKeyedCache<OrgPart>(200, MAX_AGE_MS);
const waitingParts = new HeadKeyedCache<HomeView["waitingOnMe"]>(2000, MAX_AGE_MS);

/**
 * The organisation at a glance. Every part is a grouped or limited query, run again only when the
 * audit-chain head moved (something changed), the day turned, or a minute passed; readiness comes
 * from today's snapshot, and computing it records today's score for the trend.
 */
export const getHome: Handler<Routes["getHome"]> = async ({ tx, org }) => {
  const now = new Date();
  const version = `${await auditHeadSeq(tx, org.orgId)}:${todayUtc(now)}`;
  const who: WaitingFor = { orgId: org.orgId, membershipId: org.membershipId };
  const [orgPart, waitingOnMe] = await Promise.all([
    orgParts.get(`${org.orgId}:${version}`, now, () => loadOrgPart(tx, org.orgId, now)),
    waitingParts.get(`${org.orgId}:${who.membershipId}:${org.role}:${version}`, now, () =>
      loadWaitingOnMe(tx, who, now),
    ),
  ]);
  return { generatedAt: now.toISOString(), ...orgPart, waitingOnMe };
};

/** Everything on the dashboard that is the same for every member. */
async function loadOrgPart(db: Kysely<Database>, orgId: string, now: Date): Promise<OrgPart> {
  // The summary goes first: when it is recomputed it writes today's point, which the trend then reads.
  const summary = await currentReadinessSummary(db, orgId, now);
  const [trend, risks, systems, evidence, securityTests] = await Promise.all([
    readinessTrend(db, orgId, now),
    loadRiskHeatMap(db, orgId),
    loadSystemCounts(db, orgId),
    loadExpiringEvidence(db, orgId, now),
    loadLatestSecurityTests(db, orgId),
  ]);
  return {
    readiness: { ...summary.overall, trend, clauses: summary.clauses, areas: summary.areas },
    risks,
    systems,
    evidence,
    securityTests,
  };
}
