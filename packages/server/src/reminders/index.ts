import type { reminderRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the reminder routes. */
export const reminderHandlers: DomainHandlers<typeof reminderRoutes> = {};
