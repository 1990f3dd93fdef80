import { z } from "zod";
import { dueItemSchema } from "../reminders/reminder-kinds.js";

/** How "My work" groups what waits on a member, in the order it shows them. */
export const myWorkGroups = ["overdue", "this_week", "later", "undated"] as const;
export const myWorkGroupSchema = z.enum(myWorkGroups);
export type MyWorkGroup = z.infer<typeof myWorkGroupSchema>;

/** Everything that waits on the signed-in member, grouped: overdue, due within seven days, later, no date. */
export const myWorkSchema = z.object({
  /** 'YYYY-MM-DD' (UTC) the groups were worked out for. */
  today: z.string(),
  total: z.number().int(),
  overdue: z.number().int(),
  groups: z.array(z.object({ group: myWorkGroupSchema, items: z.array(dueItemSchema) })),
});
export type MyWork = z.infer<typeof myWorkSchema>;
