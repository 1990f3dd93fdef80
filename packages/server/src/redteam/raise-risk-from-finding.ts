import type { RedteamCategory, RedteamSeverity, Routes } from "@openaims/contracts";
import { linkEvidenceToRisk } from "../evidence/link-evidence-to-risk.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { insertRisk } from "../risks/insert-risk.js";
import { loadRiskMethod } from "../risks/risk-method-queries.js";
import { checkMember } from "../risks/risk-references.js";
import { threatForCategory } from "./category-threats.js";
import { factsOf, lockOpenFinding, settleFinding } from "./finding-context.js";
import { raisedDescription, raisedTitle } from "./finding-text.js";
import { loadFinding } from "./redteam-queries.js";
import { levelsForSeverity } from "./severity-rating.js";

/**
 * A risk on the scan's system from a finding: seeded from the threat of its category, rated from its
 * severity on the organisation's method, owned by the system's owner, and linked to the scan's evidence.
 */
export const raiseRiskFromFinding: Handler<Routes["raiseRiskFromFinding"]> = async ({ tx, org, input, audit }) => {
  const open = await lockOpenFinding(tx, org.orgId, input.params.findingId, input.body.version);
  const { finding, scan } = open;
  if (scan.system_archived_at) {
    throw new AppError("illegal_transition", `AI system '${scan.system_name}' is archived; it takes no new risks.`);
  }
  const threat = threatForCategory(finding.category as RedteamCategory);
  const owner =
    scan.system_owner_member_id && !(await checkMember(tx, org.orgId, scan.system_owner_member_id))
      ? scan.system_owner_member_id
      : null;
  const { method } = await loadRiskMethod(tx, org.orgId);
  const facts = factsOf(open);
  const risk = await insertRisk(
    tx,
    org.orgId,
    method,
    {
      title: input.body.title ?? raisedTitle(facts),
      description: raisedDescription(facts),
      systemId: scan.system_id,
      threatId: threat?.id ?? null,
      riskSources: threat?.annexCRiskSources ?? [],
      ownerMemberId: owner,
      levels: {
        ...levelsForSeverity(method, finding.severity as RedteamSeverity),
        residualLikelihood: null,
        residualImpact: null,
      },
      treatmentOption: null,
      reviewDate: null,
    },
    audit,
  );
  if (scan.evidence_id) await linkEvidenceToRisk(tx, org.orgId, scan.evidence_id, risk, audit);
  await settleFinding(tx, finding, { status: "risk_raised", risk_id: risk.id });
  await audit({
    action: "redteam_finding.risk_raised",
    entityType: "redteam_finding",
    entityId: finding.id,
    changes: { status: { before: "open", after: "risk_raised" }, risk: { before: null, after: risk.ref } },
  });
  return loadFinding(tx, org.orgId, finding.id);
};
