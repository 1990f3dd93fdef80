import type { aibomRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { exportAibom, getAssetAibomEntry } from "./export-aibom.js";
import { importAibom } from "./import-aibom.js";

/** Handlers of the routes of AI bills of materials. */
export const aibomHandlers: DomainHandlers<typeof aibomRoutes> = { exportAibom, getAssetAibomEntry, importAibom };
