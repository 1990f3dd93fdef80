import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { loadSoaDraft } from "./load-soa.js";

/** Where an organisation's Statement of Applicability stands, for readiness and dashboards. */
export interface SoaStatus {
  approvedVersions: number;
  /** Consistency issues in the current draft (undecided, unjustified, excluded while treating open risks). */
  openIssues: number;
  /** The current draft differs from the last approved version (true before the first approval). */
  changedSinceApproval: boolean;
}

export async function loadSoaStatus(db: Kysely<Database>, orgId: string, now: Date = new Date()): Promise<SoaStatus> {
  const draft = await loadSoaDraft(db, orgId, now);
  return {
    approvedVersions: draft.lastApproved?.number ?? 0,
    openIssues: draft.issues.length,
    changedSinceApproval: draft.changedSinceApproval,
  };
}
