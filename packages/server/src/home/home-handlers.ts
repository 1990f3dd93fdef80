import { type Routes, roleAllows } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { currentReadinessSummary, readinessTrend } from "../readiness/readiness-snapshots.js";
import { loadExpiringEvidence } from "./expiring-evidence.js";
import { loadLatestSecurityTests } from "./latest-security-tests.js";
import { loadRiskHeatMap } from "./risk-heat-map.js";
import { loadSystemCounts } from "./system-counts.js";
import { loadWaitingOnMe } from "./waiting-on-me.js";

/**
 * The organisation at a glance. Every part is a grouped or limited query; readiness is served from
 * today's snapshot while nothing has changed, and computing it records today's score for the trend.
 */
export const getHome: Handler<Routes["getHome"]> = async ({ tx, org, actor }) => {
  const now = new Date();
  const who = {
    orgId: org.orgId,
    membershipId: org.membershipId,
    userId: actor.userId,
    mayApprove: roleAllows(org.role, "governance.write"),
  };
  // The summary goes first: when it is recomputed it writes today's point, which the trend then reads.
  const summary = await currentReadinessSummary(tx, org.orgId, now);
  const [trend, risks, systems, evidence, securityTests, waitingOnMe] = await Promise.all([
    readinessTrend(tx, org.orgId, now),
    loadRiskHeatMap(tx, org.orgId),
    loadSystemCounts(tx, org.orgId),
    loadExpiringEvidence(tx, org.orgId, now),
    loadLatestSecurityTests(tx, org.orgId),
    loadWaitingOnMe(tx, who, now),
  ]);
  return {
    generatedAt: now.toISOString(),
    readiness: { ...summary.overall, trend, clauses: summary.clauses, areas: summary.areas },
    risks,
    systems,
    evidence,
    securityTests,
    waitingOnMe,
  };
};
