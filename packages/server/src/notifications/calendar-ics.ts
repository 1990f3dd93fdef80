import type { DueItem } from "@openaims/contracts";
import { enumLabels } from "@openaims/contracts";
import ical from "ical-generator";
import { addDays } from "./due/due-scope.js";
import { pageUrl } from "./record-links.js";

/** What the feed shows: the member's dated work, and where its links point. */
export interface CalendarInput {
  orgId: string;
  orgName: string;
  items: DueItem[];
  publicUrl: string;
  /** DTSTAMP of every event: when the feed was generated. */
  now: Date;
}

/**
 * The member's dated work as an iCalendar (RFC 5545) document: one all-day event per item on its due
 * date, with a UID that stays the same for the same item and member so calendar programs update the
 * event instead of adding another. ical-generator escapes text and folds long lines at 75 octets.
 */
export function calendarOf(input: CalendarInput): string {
  const calendar = ical({
    name: `OpenAIMS — my work in ${input.orgName}`,
    prodId: { company: "OpenAIMS", product: "My work", language: "EN" },
    ttl: 60 * 60,
  });
  for (const item of input.items) {
    if (item.dueDate === null) continue;
    const kind = enumLabels.reminderKind[item.kind];
    const url = pageUrl(input.publicUrl, input.orgId, item.path);
    const named = item.ref ? `${item.ref} ${item.title}` : item.title;
    calendar.createEvent({
      id: `${item.kind}.${item.recordId}.${item.memberId}@openaims`,
      start: new Date(`${item.dueDate}T00:00:00Z`),
      end: new Date(`${addDays(item.dueDate, 1)}T00:00:00Z`),
      allDay: true,
      stamp: input.now,
      summary: `${kind}: ${named}`,
      description: `${kind} in ${input.orgName}: ${named}${item.overdue ? " (overdue)" : ""}.\n${url}`,
      url,
    });
  }
  return calendar.toString();
}
