import type { HomeView } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { listDueItems } from "../notifications/index.js";

/** How many items of "My work" the dashboard shows; the total counts them all. */
const LISTED = 8;

/** Who is asking: their organisation and membership. */
export interface WaitingFor {
  orgId: string;
  membershipId: string;
}

/**
 * The first items of the person's "My work" (overdue first, then by due date, then undated work such
 * as approvals), with how many there are in all and how many are overdue. The full list, grouped, is
 * the My work page.
 */
export async function loadWaitingOnMe(
  db: Kysely<Database>,
  who: WaitingFor,
  now: Date,
): Promise<HomeView["waitingOnMe"]> {
  const items = await listDueItems(db, who.orgId, { memberId: who.membershipId, today: todayUtc(now) });
  return {
    total: items.length,
    overdue: items.filter((item) => item.overdue).length,
    items: items.slice(0, LISTED),
  };
}
