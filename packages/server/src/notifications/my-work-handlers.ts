import type { Routes } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { listDueItems } from "./due-items.js";
import { groupMyWork } from "./my-work-groups.js";

/** Everything waiting on the signed-in member, grouped by when it is due. */
export const getMyWork: Handler<Routes["getMyWork"]> = async ({ tx, org }) => {
  const today = todayUtc();
  return groupMyWork(await listDueItems(tx, org.orgId, { memberId: org.membershipId, today }), today);
};
