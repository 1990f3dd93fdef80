import type { ModelScanSeverity, Routes } from "@openaims/contracts";
import { nonconformitySeverityOf } from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { insertNonconformity } from "../nonconformities/index.js";
import {
  lockOpenModelFinding,
  raisedModelDescription,
  raisedModelTitle,
  settleModelFinding,
} from "./model-finding-context.js";
import { loadModelFinding } from "./model-scan-queries.js";

/**
 * A nonconformity from a model scan finding, through the nonconformity module's one way of raising
 * them: source model_scan_finding, major for a critical or high finding, minor otherwise, on the scan's
 * system when it names one.
 */
export const raiseNonconformityFromModelFinding: Handler<Routes["raiseNonconformityFromModelFinding"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const open = await lockOpenModelFinding(tx, org.orgId, input.params.modelFindingId, input.body.version);
  const { finding, scan } = open;
  const severity = finding.severity as ModelScanSeverity;
  const { id, ref } = await insertNonconformity(
    tx,
    org.orgId,
    {
      title: input.body.title ?? raisedModelTitle(open),
      description: input.body.description ?? raisedModelDescription(open),
      severity: nonconformitySeverityOf(severity),
      source: "model_scan_finding",
      sourceId: finding.id,
      systemId: scan.system_id,
      raisedByMemberId: org.membershipId,
    },
    audit,
  );
  await settleModelFinding(tx, finding, { status: "nonconformity_raised", nonconformity_id: id });
  await audit({
    action: "model_scan_finding.nonconformity_raised",
    entityType: "model_scan_finding",
    entityId: finding.id,
    changes: { status: { before: "open", after: "nonconformity_raised" }, nonconformity: { before: null, after: ref } },
  });
  return loadModelFinding(tx, org.orgId, finding.id);
};

/** Closes a finding without action, keeping the reason (a false positive, or accepted after review). */
export const dismissModelFinding: Handler<Routes["dismissModelFinding"]> = async ({ tx, org, input, audit }) => {
  const { finding } = await lockOpenModelFinding(tx, org.orgId, input.params.modelFindingId, input.body.version);
  await settleModelFinding(tx, finding, { status: "dismissed", dismissal_reason: input.body.reason });
  await audit({
    action: "model_scan_finding.dismissed",
    entityType: "model_scan_finding",
    entityId: finding.id,
    changes: {
      status: { before: "open", after: "dismissed" },
      dismissalReason: { before: null, after: input.body.reason },
    },
  });
  return loadModelFinding(tx, org.orgId, finding.id);
};
