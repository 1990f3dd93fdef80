import type { RecordColumns } from "../schema.js";

export interface ImpactAssessmentsTable extends RecordColumns {
  system_id: string;
}

/** Tables of migration 0007-impact-assessments. */
export interface ImpactAssessmentTables {
  impact_assessments: ImpactAssessmentsTable;
}
