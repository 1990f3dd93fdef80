import type { notificationRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { createCalendarFeed, getCalendarFeed, readCalendarFeed, revokeCalendarFeed } from "./calendar-feed-handlers.js";
import { getMyWork } from "./my-work-handlers.js";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notification-handlers.js";
import { getNotificationSettings, updateNotificationSettings } from "./notification-settings-handlers.js";
import { listWebhookDeliveries, testWebhook } from "./webhook-delivery-handlers.js";
import {
  archiveWebhook,
  createWebhook,
  getWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from "./webhook-handlers.js";

export { deliverReminder, type ReminderToDeliver } from "./deliver-reminder.js";
export { type ListDueItemsOptions, listDueItems } from "./due-items.js";

/** Handlers of the notification, webhook, calendar feed and my-work routes. */
export const notificationHandlers: DomainHandlers<typeof notificationRoutes> = {
  getMyWork,
  listNotifications,
  countUnreadNotifications,
  markNotificationRead,
  markAllNotificationsRead,
  getNotificationSettings,
  updateNotificationSettings,
  getCalendarFeed,
  createCalendarFeed,
  revokeCalendarFeed,
  readCalendarFeed,
  listWebhooks,
  createWebhook,
  getWebhook,
  updateWebhook,
  archiveWebhook,
  rotateWebhookSecret,
  listWebhookDeliveries,
  testWebhook,
};
