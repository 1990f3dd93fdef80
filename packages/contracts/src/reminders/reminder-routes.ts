/** Routes of the scheduled reminders module. */
export const reminderRoutes = {} as const;
