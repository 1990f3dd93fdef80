import foundation from "./0001-foundation.js";
import inventory from "./0002-inventory.js";
import risks from "./0003-risks.js";
import controls from "./0004-controls.js";
import evidence from "./0005-evidence.js";
import documents from "./0006-documents.js";
import impactAssessments from "./0007-impact-assessments.js";
import millisecondTimestamps from "./0008-millisecond-timestamps.js";
import redteam from "./0009-redteam.js";
import oneRunningScan from "./0010-one-running-scan.js";
import ssoAccountBinding from "./0011-sso-account-binding.js";
import readinessSnapshots from "./0012-readiness-snapshots.js";
import segregationOfDuties from "./0013-segregation-of-duties.js";
import releaseGates from "./0014-release-gates.js";
import changeControl from "./0015-change-control.js";
import monitoring from "./0016-monitoring.js";
import incidents from "./0017-incidents.js";
import correctiveAction from "./0018-corrective-action.js";
import internalAudit from "./0019-internal-audit.js";
import managementReview from "./0020-management-review.js";
import objectives from "./0021-objectives.js";
import competence from "./0022-competence.js";
import jobsAndReminders from "./0023-jobs-and-reminders.js";
import notifications from "./0024-notifications.js";
import runtimeMonitoring from "./0025-runtime-monitoring.js";
import aiSupplyChain from "./0026-ai-supply-chain.js";
import agentGovernance from "./0027-agent-governance.js";
import agentCallbacksAndScreenings from "./0028-agent-callbacks-and-screenings.js";

/**
 * Every schema change, in order. Append only: a migration that has shipped is never edited;
 * a fix is a new migration.
 */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [
  { id: "0001-foundation", sql: foundation },
  { id: "0002-inventory", sql: inventory },
  { id: "0003-risks", sql: risks },
  { id: "0004-controls", sql: controls },
  { id: "0005-evidence", sql: evidence },
  { id: "0006-documents", sql: documents },
  { id: "0007-impact-assessments", sql: impactAssessments },
  { id: "0008-millisecond-timestamps", sql: millisecondTimestamps },
  { id: "0009-redteam", sql: redteam },
  { id: "0010-one-running-scan", sql: oneRunningScan },
  { id: "0011-sso-account-binding", sql: ssoAccountBinding },
  { id: "0012-readiness-snapshots", sql: readinessSnapshots },
  { id: "0013-segregation-of-duties", sql: segregationOfDuties },
  { id: "0014-release-gates", sql: releaseGates },
  { id: "0015-change-control", sql: changeControl },
  { id: "0016-monitoring", sql: monitoring },
  { id: "0017-incidents", sql: incidents },
  { id: "0018-corrective-action", sql: correctiveAction },
  { id: "0019-internal-audit", sql: internalAudit },
  { id: "0020-management-review", sql: managementReview },
  { id: "0021-objectives", sql: objectives },
  { id: "0022-competence", sql: competence },
  { id: "0023-jobs-and-reminders", sql: jobsAndReminders },
  { id: "0024-notifications", sql: notifications },
  { id: "0025-runtime-monitoring", sql: runtimeMonitoring },
  { id: "0026-ai-supply-chain", sql: aiSupplyChain },
  { id: "0027-agent-governance", sql: agentGovernance },
  { id: "0028-agent-callbacks-and-screenings", sql: agentCallbacksAndScreenings },
];
