/** Routes of the notifications, webhooks, calendar feeds and my work module. */
export const notificationRoutes = {} as const;
