import type { MyWork, Routes } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import { HeadKeyedCache } from "../home/head-keyed-cache.js";
import type { Handler } from "../http/handler-context.js";
import { auditHeadSeq } from "../readiness/readiness-snapshots.js";
import { listDueItems } from "./due-items.js";
import { groupMyWork } from "./my-work-groups.js";

/** How long the clock alone may leave a member's list stale (a date passing mid-day, evidence expiring). */
const MAX_AGE_MS = 60_000;
const cache = new HeadKeyedCache<MyWork>(2000, MAX_AGE_MS);

/**
 * Everything waiting on the signed-in member, grouped by when it is due. Computed again only when the
 * organisation's audit-chain head moved (every change to a record writes an entry), the day turned, the
 * member's role is another, or a minute passed — the rule the home dashboard follows.
 */
export const getMyWork: Handler<Routes["getMyWork"]> = async ({ tx, org }) => {
  const now = new Date();
  const today = todayUtc(now);
  const key = `${org.orgId}:${org.membershipId}:${org.role}:${await auditHeadSeq(tx, org.orgId)}:${today}`;
  return cache.get(key, now, async () =>
    groupMyWork(await listDueItems(tx, org.orgId, { memberId: org.membershipId, today }), today),
  );
};
