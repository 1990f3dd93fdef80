import type { Json } from "../schema.js";

/** Coverage of one clause group (4–10) or Annex A area, as stored in a snapshot. */
export interface ReadinessSnapshotCoverageJson {
  id: string;
  title: string;
  met: number;
  total: number;
  percent: number;
}

export interface ReadinessSnapshotsTable {
  org_id: string;
  /** 'YYYY-MM-DD' (UTC). */
  day: string;
  percent: number;
  met: number;
  total: number;
  /** Overall coverage, and coverage per main clause (4–10) and per Annex A area. */
  coverage: Json<{
    overall: { met: number; total: number; percent: number; status: "covered" | "partial" | "gap" };
    clauses: ReadinessSnapshotCoverageJson[];
    areas: ReadinessSnapshotCoverageJson[];
  }>;
  /** The organisation's audit-chain head when computed. */
  audit_seq: number;
  computed_at: Date;
}

/** Tables of migration 0012-readiness-snapshots. */
export interface ReadinessTables {
  readiness_snapshots: ReadinessSnapshotsTable;
}
