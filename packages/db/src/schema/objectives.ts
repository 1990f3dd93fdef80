import type { CreatedAt, RecordColumns } from "../schema.js";

export interface ObjectivesTable extends RecordColumns {
  ref: string;
  title: string;
  rationale: string;
  /** manual | metric */
  measure_kind: string;
  measure: string;
  metric_id: string | null;
  unit: string;
  baseline: number | null;
  target: number;
  /** increase (at least the target) | decrease (at most the target) */
  direction: string;
  owner_member_id: string | null;
  /** 'YYYY-MM-DD' */
  due_date: string | null;
  plan_what: string;
  plan_resources: string;
  plan_when: string;
  /** active | achieved | missed | cancelled */
  status: string;
  created_by_member_id: string | null;
}

export interface ObjectiveProgressTable {
  id: string;
  org_id: string;
  objective_id: string;
  recorded_at: Date;
  value: number;
  note: string;
  /** manual | metric */
  source: string;
  recorded_by_member_id: string | null;
  created_at: CreatedAt;
}

/** Tables of migration 0021-objectives. */
export interface ObjectiveTables {
  objectives: ObjectivesTable;
  objective_progress: ObjectiveProgressTable;
}
