import { z } from "zod";
import { pageQuerySchema } from "../common.js";

/** Kinds of in-app notification that are not reminders: each is sent when something happens. */
export const eventNotificationKinds = ["agent_approval"] as const;
export type EventNotificationKind = (typeof eventNotificationKinds)[number];

/** One in-app notification of the signed-in member. */
export const notificationSchema = z.object({
  id: z.string().uuid(),
  /** A reminder kind (corrective_action …) for reminders, else one of eventNotificationKinds. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The page it links to, below /o/:orgId; null when it links nowhere. */
  path: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = pageQuerySchema.extend({
  /** Only unread notifications. */
  unread: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => value === "true"),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markedReadSchema = z.object({ marked: z.number().int() });

/** The member's own reminder settings in one organisation. */
export const notificationSettingsSchema = z.object({
  emailReminders: z.boolean(),
  /** Whether this server can send e-mail at all (an SMTP server is configured). */
  emailAvailable: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const updateNotificationSettingsRequestSchema = z.object({ emailReminders: z.boolean() });
