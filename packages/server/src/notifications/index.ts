import type { notificationRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the notification, webhook, calendar feed and my-work routes. */
export const notificationHandlers: DomainHandlers<typeof notificationRoutes> = {};
