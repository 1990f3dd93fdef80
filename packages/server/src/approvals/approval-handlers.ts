import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { checkSegregationOfDuties } from "./segregation-of-duties.js";

/** Lets the UI say before anyone clicks that the caller may not approve a record, and why. */
export const getApprovalCheck: Handler<Routes["getApprovalCheck"]> = async ({ tx, org, actor, input }) =>
  checkSegregationOfDuties(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: input.query.kind, id: input.query.id },
  );
