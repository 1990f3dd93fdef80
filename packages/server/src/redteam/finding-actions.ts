import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { nextRef } from "../records/next-ref.js";
import { factsOf, lockOpenFinding, settleFinding } from "./finding-context.js";
import { raisedDescription, raisedTitle } from "./finding-text.js";
import { loadFinding } from "./redteam-queries.js";

/** A nonconformity (NC-n) on the scan's system from a finding, at the finding's severity. */
export const raiseNonconformityFromFinding: Handler<Routes["raiseNonconformityFromFinding"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const open = await lockOpenFinding(tx, org.orgId, input.params.findingId, input.body.version);
  const { finding, scan } = open;
  const facts = factsOf(open);
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "nonconformity", "NC");
  const values = {
    title: input.body.title ?? raisedTitle(facts),
    description: input.body.description ?? raisedDescription(facts),
    source: "redteam_finding",
    source_id: finding.id,
    system_id: scan.system_id,
    severity: finding.severity,
    status: "open",
  };
  await tx
    .insertInto("nonconformities")
    .values({ id, org_id: org.orgId, ref, raised_by_member_id: org.membershipId, ...values })
    .execute();
  await audit({
    action: "nonconformity.created",
    entityType: "nonconformity",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      title: values.title,
      source: values.source,
      sourceId: finding.id,
      severity: values.severity,
    }),
  });
  await settleFinding(tx, finding, { status: "nonconformity_raised", nonconformity_id: id });
  await audit({
    action: "redteam_finding.nonconformity_raised",
    entityType: "redteam_finding",
    entityId: finding.id,
    changes: { status: { before: "open", after: "nonconformity_raised" }, nonconformity: { before: null, after: ref } },
  });
  return loadFinding(tx, org.orgId, finding.id);
};

/** Closes a finding without action, keeping the reason (a false positive, or accepted by design). */
export const dismissRedteamFinding: Handler<Routes["dismissRedteamFinding"]> = async ({ tx, org, input, audit }) => {
  const { finding } = await lockOpenFinding(tx, org.orgId, input.params.findingId, input.body.version);
  await settleFinding(tx, finding, { status: "dismissed", dismissal_reason: input.body.reason });
  await audit({
    action: "redteam_finding.dismissed",
    entityType: "redteam_finding",
    entityId: finding.id,
    changes: {
      status: { before: "open", after: "dismissed" },
      dismissalReason: { before: null, after: input.body.reason },
    },
  });
  return loadFinding(tx, org.orgId, finding.id);
};
