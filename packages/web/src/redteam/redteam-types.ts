import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type Scan = ApiResult<typeof routes.getRedteamScan>;
export type ScanListItem = ApiResult<typeof routes.listRedteamScans>["items"][number];
export type Finding = Scan["findings"][number];
export type TrendPoint = ApiResult<typeof routes.getRedteamTrend>["points"][number];
