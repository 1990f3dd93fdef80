import type { inventoryRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the inventory routes. */
export const inventoryHandlers: DomainHandlers<typeof inventoryRoutes> = {};
