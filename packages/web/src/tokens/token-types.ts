import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type ApiToken = ApiResult<typeof routes.revokeToken>;
export type CreatedToken = ApiResult<typeof routes.createToken>;
export type TokenStatusFilter = ApiToken["status"] | "all";
