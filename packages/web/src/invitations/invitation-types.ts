import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type Invitation = ApiResult<typeof routes.revokeInvitation>;
export type CreatedInvitation = ApiResult<typeof routes.createInvitation>;
