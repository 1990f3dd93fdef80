import type { Generated } from "kysely";
import type { CreatedAt, RecordColumns } from "../schema.js";

export interface ObjectivesTable extends RecordColumns {
  ref: string;
  title: string;
  rationale: Generated<string>;
  /** manual | metric */
  measure_kind: string;
  measure: Generated<string>;
  metric_id: string | null;
  unit: Generated<string>;
  baseline: number | null;
  target: number;
  /** increase (at least the target) | decrease (at most the target) */
  direction: string;
  owner_member_id: string | null;
  /** 'YYYY-MM-DD' */
  due_date: string | null;
  plan_what: Generated<string>;
  plan_resources: Generated<string>;
  plan_when: Generated<string>;
  /** active | achieved | missed | cancelled */
  status: Generated<string>;
  created_by_member_id: string | null;
}

export interface ObjectiveProgressTable {
  id: string;
  org_id: string;
  objective_id: string;
  recorded_at: Date;
  value: number;
  note: Generated<string>;
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
