import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type Member = ApiResult<typeof routes.getMember>;
