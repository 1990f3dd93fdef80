import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

/** What an invitation link grants, as shown before accepting it. */
export type InvitationPreview = ApiResult<typeof routes.previewInvitation>;
