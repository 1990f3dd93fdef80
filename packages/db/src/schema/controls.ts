import type { Generated } from "kysely";
import type { CreatedAt, Json, RecordColumns } from "../schema.js";

export interface ControlsTable extends RecordColumns {
  ref: string;
  title: string;
  kind: string;
  /** Annex A area ('A.6'); null for custom controls. */
  area_id: string | null;
  /** Order in lists and in the SoA: Annex A in document order, then custom controls. */
  position: number;
  description: string | null;
  applicable: boolean | null;
  justification: string | null;
  /** Why the control is excluded although it treats an open risk. */
  override_reason: string | null;
  /** Defaults to not_started. */
  implementation_status: Generated<string>;
  implementation_description: string | null;
  owner_member_id: string | null;
  evidence_requirement: string | null;
  evidence_freshness_days: number | null;
}

/** A control treating a risk; unlinking archives the row. */
export interface ControlRisksTable {
  id: string;
  org_id: string;
  control_id: string;
  risk_id: string;
  created_at: CreatedAt;
  archived_at: Date | null;
}

/** An approved, frozen Statement of Applicability. Rows are never updated or deleted. */
export interface SoaVersionsTable {
  id: string;
  org_id: string;
  number: number;
  approved_by_member_id: string;
  approved_by_label: string;
  approved_at: Date;
  /** The SoA rows as approved (see SoaRow in @openaims/contracts). */
  content: Json<unknown>;
  content_hash: string;
  change_summary: string;
  created_at: CreatedAt;
}

/** Tables of migration 0004-controls. */
export interface ControlTables {
  controls: ControlsTable;
  control_risks: ControlRisksTable;
  soa_versions: SoaVersionsTable;
}
