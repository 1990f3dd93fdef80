import type { DueItem, MyWork, MyWorkGroup } from "@openaims/contracts";
import { addDays } from "./due/due-scope.js";

/** Days from today, today included, that count as "this week". */
export const THIS_WEEK_DAYS = 7;

/** Which group of "My work" an item belongs in on `today`. */
export function myWorkGroupOf(item: Pick<DueItem, "dueDate">, today: string): MyWorkGroup {
  if (item.dueDate === null) return "undated";
  if (item.dueDate < today) return "overdue";
  return item.dueDate <= addDays(today, THIS_WEEK_DAYS - 1) ? "this_week" : "later";
}

/** Sorted due items in the four groups, every group present (empty or not), in display order. */
export function groupMyWork(items: DueItem[], today: string): MyWork {
  const groups: MyWork["groups"] = (["overdue", "this_week", "later", "undated"] as const).map((group) => ({
    group,
    items: [],
  }));
  for (const item of items) groups.find((entry) => entry.group === myWorkGroupOf(item, today))?.items.push(item);
  return {
    today,
    total: items.length,
    overdue: groups[0]?.items.length ?? 0,
    groups,
  };
}
