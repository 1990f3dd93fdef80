import { z } from "zod";

/** Whether the member has a calendar feed in this organisation; the secret URL itself is never shown again. */
export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** A new feed: its secret URL, shown only in this answer. */
export const createdCalendarFeedSchema = calendarFeedStatusSchema.extend({ url: z.string() });
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;

/** `<token>.ics`, the token being 32 random bytes in base64url. */
export const calendarFeedParamsSchema = z.object({
  feed: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, { message: "is not a calendar feed" }),
});
