import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { insertEvidence } from "../evidence/insert-evidence.js";
import { resolveEvidenceTargets } from "../evidence/resolve-evidence-targets.js";
import type { PolicyRow, PolicyVersionRow } from "./policy-queries.js";

/** Annex A controls an approved agent policy supports: responsible use (A.9.2) and intended use (A.9.4). */
const POLICY_CONTROLS = ["A.9.2", "A.9.4"];

/**
 * Files the approved policy version as evidence of A.9.2 and A.9.4, linked to the agent (none for the
 * organisation default), through the evidence module so its expiry is derived like any other evidence.
 */
export async function recordPolicyEvidence(
  tx: Kysely<Database>,
  orgId: string,
  input: { policy: PolicyRow; version: PolicyVersionRow; approverMemberId: string; systemName: string | null },
  audit: (event: AuditEvent) => Promise<void>,
): Promise<string> {
  const { policy, version, systemName } = input;
  const live = await tx
    .selectFrom("controls")
    .select("ref")
    .where("org_id", "=", orgId)
    .where("ref", "in", POLICY_CONTROLS)
    .where("archived_at", "is", null)
    .execute();
  const targets = await resolveEvidenceTargets(
    tx,
    orgId,
    {
      controlIds: POLICY_CONTROLS.filter((ref) => live.some((row) => row.ref === ref)),
      clauseIds: [],
      riskIds: [],
      systemIds: policy.system_id ? [policy.system_id] : [],
    },
    "body",
  );
  const whose = systemName ? `agent ${systemName}` : "the organisation's agents (default)";
  return insertEvidence(
    tx,
    orgId,
    {
      kind: "record",
      source: "engine",
      title: `Agent action policy ${policy.ref} version ${version.number} approved`,
      description: `The action policy for ${whose}: which tools it may call, with which arguments, and which need a person's approval.`,
      url: null,
      body: [
        `Policy ${policy.ref}${policy.title ? ` (${policy.title})` : ""}, version ${version.number}.`,
        `Document SHA-256: ${version.document_sha256}.`,
        version.change_note ? `Change note: ${version.change_note}` : "",
        "",
        version.source,
      ]
        .filter((line, index) => line !== "" || index === 3)
        .join("\n"),
      file: null,
      collectedAt: new Date(),
      explicitValidUntil: null,
      createdByMemberId: input.approverMemberId,
      targets,
    },
    audit,
  );
}
