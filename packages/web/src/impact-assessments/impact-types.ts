import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type Assessment = ApiResult<typeof routes.getImpactAssessment>;
export type AssessmentSummary = ApiResult<typeof routes.listImpactAssessments>["items"][number];
export type SystemStatus = ApiResult<typeof routes.listSystemImpactStatuses>["items"][number];
export type Content = Assessment["content"];
export type Dimension = Content["dimensions"][number];
