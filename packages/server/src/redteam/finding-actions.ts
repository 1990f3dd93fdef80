import type { RedteamSeverity, Routes } from "@openaims/contracts";
import { nonconformitySeverityOf } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { insertNonconformity } from "../nonconformities/index.js";
import { factsOf, lockOpenFinding, settleFinding } from "./finding-context.js";
import { raisedDescription, raisedTitle } from "./finding-text.js";
import { loadFinding } from "./redteam-queries.js";

/**
 * A nonconformity on the scan's system from a finding, through the nonconformity module's one way of
 * raising them: source redteam_finding, major for a critical or high finding, minor otherwise, and the
 * finding's own severity kept beside it.
 */
export const raiseNonconformityFromFinding: Handler<Routes["raiseNonconformityFromFinding"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const open = await lockOpenFinding(tx, org.orgId, input.params.findingId, input.body.version);
  const { finding, scan } = open;
  const facts = factsOf(open);
  const severity = finding.severity as RedteamSeverity;
  const { id, ref } = await insertNonconformity(
    tx,
    org.orgId,
    {
      title: input.body.title ?? raisedTitle(facts),
      description: input.body.description ?? raisedDescription(facts),
      severity: nonconformitySeverityOf(severity),
      redteamSeverity: severity,
      source: "redteam_finding",
      sourceId: finding.id,
      systemId: scan.system_id,
      raisedByMemberId: org.membershipId,
    },
    audit,
  );
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
