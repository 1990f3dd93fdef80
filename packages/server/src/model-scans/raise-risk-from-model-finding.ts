import type { ModelScanSeverity, Routes } from "@openaims/contracts";
import { findThreat } from "@openaims/core";
import { linkEvidenceToRisk } from "../evidence/link-evidence-to-risk.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { levelsForSeverity } from "../redteam/severity-rating.js";
import { insertRisk } from "../risks/insert-risk.js";
import { loadRiskMethod } from "../risks/risk-method-queries.js";
import { checkMember } from "../risks/risk-references.js";
import {
  lockOpenModelFinding,
  raisedModelDescription,
  raisedModelTitle,
  settleModelFinding,
} from "./model-finding-context.js";
import { loadModelFinding } from "./model-scan-queries.js";

/** The threat-library entry every model-file finding is an instance of. */
const MODEL_FILE_THREAT = "supply_chain_compromise";

/**
 * A risk from a model scan finding: on the scan's system (when it names one), seeded from the
 * supply-chain compromise threat, rated from the finding's severity on the organisation's method,
 * owned by the system's owner, and linked to the scan's evidence.
 */
export const raiseRiskFromModelFinding: Handler<Routes["raiseRiskFromModelFinding"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const open = await lockOpenModelFinding(tx, org.orgId, input.params.modelFindingId, input.body.version);
  const { finding, scan } = open;
  if (scan.system_archived_at) {
    throw new AppError("illegal_transition", `AI system '${scan.system_name}' is archived; it takes no new risks.`);
  }
  const threat = findThreat(MODEL_FILE_THREAT) ?? null;
  const owner =
    scan.system_owner_member_id && !(await checkMember(tx, org.orgId, scan.system_owner_member_id))
      ? scan.system_owner_member_id
      : null;
  const { method } = await loadRiskMethod(tx, org.orgId);
  const risk = await insertRisk(
    tx,
    org.orgId,
    method,
    {
      title: input.body.title ?? raisedModelTitle(open),
      description: input.body.description ?? raisedModelDescription(open),
      systemId: scan.system_id,
      threatId: threat?.id ?? null,
      riskSources: threat?.annexCRiskSources ?? [],
      ownerMemberId: owner,
      levels: {
        ...levelsForSeverity(method, finding.severity as ModelScanSeverity),
        residualLikelihood: null,
        residualImpact: null,
      },
      treatmentOption: null,
      reviewDate: null,
    },
    audit,
  );
  if (scan.evidence_id) await linkEvidenceToRisk(tx, org.orgId, scan.evidence_id, risk, audit);
  await settleModelFinding(tx, finding, { status: "risk_raised", risk_id: risk.id });
  await audit({
    action: "model_scan_finding.risk_raised",
    entityType: "model_scan_finding",
    entityId: finding.id,
    changes: { status: { before: "open", after: "risk_raised" }, risk: { before: null, after: risk.ref } },
  });
  return loadModelFinding(tx, org.orgId, finding.id);
};
