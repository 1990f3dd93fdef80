import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type DocumentSummary = ApiResult<typeof routes.listDocuments>["items"][number];
export type DocumentDetail = ApiResult<typeof routes.getDocument>;
export type DocumentVersionSummary = DocumentDetail["versions"][number];
export type DocumentVersion = ApiResult<typeof routes.getDocumentVersion>;
export type AimsScope = NonNullable<ApiResult<typeof routes.getScope>>;
export type ResponsibilityMatrix = ApiResult<typeof routes.getResponsibilityMatrix>;
export type MatrixRow = ResponsibilityMatrix["rows"][number];
