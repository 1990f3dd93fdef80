import type { RecordColumns } from "../schema.js";

export interface ImpactAssessmentsTable extends RecordColumns {
  system_id: string;
  status: string;
  approved_at: Date | null;
  system_material_at: Date | null;
}

/** Tables of migration 0007-impact-assessments. */
export interface ImpactAssessmentTables {
  impact_assessments: ImpactAssessmentsTable;
}
