import type { modelScanRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the routes of model scans: uploaded or server-side scans of model files, and their findings. */
export const modelScanHandlers: DomainHandlers<typeof modelScanRoutes> = {};
