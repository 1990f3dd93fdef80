import type { CreatedAt, Json, UpdatedAt, Version } from "../schema.js";

export interface GateChecklistsTable {
  id: string;
  org_id: string;
  stage: string;
  impact_tier: string;
  /** Shaped by the contracts' gateCheckConfigSchema. */
  checks: Json<unknown[]>;
  updated_by_member_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

/** Never updated or deleted (a trigger refuses both). */
export interface GateDecisionsTable {
  id: string;
  org_id: string;
  ref: string;
  system_id: string;
  from_stage: string;
  to_stage: string;
  /** passed | failed | overridden */
  result: string;
  /** Shaped by the contracts' gateSnapshotSchema. */
  snapshot: Json<unknown>;
  snapshot_sha256: string;
  decided_by_member_id: string | null;
  decided_by_label: string;
  decided_at: CreatedAt;
}

export interface GateSignOffsTable {
  id: string;
  org_id: string;
  system_id: string;
  stage: string;
  role: string;
  member_id: string;
  signer_label: string;
  note: string;
  signed_at: CreatedAt;
}

export interface GateOverridesTable {
  id: string;
  org_id: string;
  ref: string;
  system_id: string;
  from_stage: string;
  to_stage: string;
  reason: string;
  /** requested | approved | withdrawn */
  status: string;
  failed_decision_id: string;
  requested_by_member_id: string;
  requested_by_label: string;
  approved_by_member_id: string | null;
  approved_by_label: string | null;
  decision_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface OrgSigningKeysTable {
  org_id: string;
  key_id: string;
  public_key_pem: string;
  /** Sealed with the server's SecretBox; opened only to sign. */
  private_key_sealed: string;
  created_at: CreatedAt;
}

/** Tables of migration 0014-release-gates. */
export interface GateTables {
  gate_checklists: GateChecklistsTable;
  gate_decisions: GateDecisionsTable;
  gate_sign_offs: GateSignOffsTable;
  gate_overrides: GateOverridesTable;
  org_signing_keys: OrgSigningKeysTable;
}
