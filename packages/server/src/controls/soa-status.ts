import type { SoaDraft } from "@openaims/contracts";

/** Where an organisation's Statement of Applicability stands, for readiness and dashboards. */
export interface SoaStatus {
  approvedVersions: number;
  /** Consistency issues in the current draft (undecided, unjustified, excluded while treating open risks). */
  openIssues: number;
  /** The current draft differs from the last approved version (true before the first approval). */
  changedSinceApproval: boolean;
}

/** The status of a derived SoA draft (see `loadSoaDraft`), so callers that hold the draft don't derive it twice. */
export function soaStatusOf(draft: SoaDraft): SoaStatus {
  return {
    approvedVersions: draft.lastApproved?.number ?? 0,
    openIssues: draft.issues.length,
    changedSinceApproval: draft.changedSinceApproval,
  };
}
