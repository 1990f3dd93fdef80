import type { RedteamCategory, RedteamCounts, Routes } from "@openaims/contracts";
import { redteamCategories } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { findingQuery, findScan, presentCounts, presentFinding, presentScan } from "./redteam-queries.js";

const NONE = { cases: 0, vulnerable: 0, blocked: 0, not_observed: 0, inconclusive: 0, error: 0 };

/** A scan with its counts for every category and its findings, most severe first. */
export const getRedteamScan: Handler<Routes["getRedteamScan"]> = async ({ tx, org, input }) => {
  const row = await findScan(tx, org.orgId, input.params.scanId);
  const findings = await findingQuery(tx, org.orgId)
    .where("f.scan_id", "=", row.id)
    .orderBy("f.severity_rank", "desc")
    .orderBy("f.case_id")
    .execute();
  const byCategory = Object.fromEntries(
    redteamCategories.map((category) => [category, presentCounts(row.by_category[category] ?? NONE)]),
  ) as Record<RedteamCategory, RedteamCounts>;
  return { ...presentScan(row), byCategory, findings: findings.map(presentFinding) };
};
