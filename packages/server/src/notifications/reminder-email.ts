import { enumLabels, type ReminderKind } from "@openaims/contracts";
import type { MailMessage } from "../mail/mailer.js";
import { pageUrl } from "./record-links.js";

/** What a reminder e-mail says, as read from the reminder, its member and organisation. */
export interface ReminderEmailInput {
  reminderId: string;
  orgId: string;
  orgName: string;
  to: string;
  memberName: string;
  kind: ReminderKind;
  title: string;
  ref: string | null;
  path: string;
  /** 'YYYY-MM-DD' or null. */
  dueDate: string | null;
  /** 'YYYY-MM-DD': the day it is sent, which decides "overdue". */
  today: string;
  publicUrl: string;
}

/**
 * A reminder as plain-text e-mail: the subject names the item and its due date, the body links to its
 * page. The Message-ID comes from the reminder id, so a mail sent again after a crash is the same mail.
 */
export function reminderEmail(input: ReminderEmailInput): MailMessage {
  const kind = enumLabels.reminderKind[input.kind];
  const named = input.ref ? `${input.ref} ${input.title}` : input.title;
  const overdue = input.dueDate !== null && input.dueDate < input.today;
  const when = input.dueDate === null ? "" : overdue ? ` (overdue since ${input.dueDate})` : ` (due ${input.dueDate})`;
  const link = pageUrl(input.publicUrl, input.orgId, input.path);
  const host = new URL(input.publicUrl).hostname || "openaims.invalid";
  return {
    to: input.to,
    subject: `${kind}: ${named}${when}`,
    messageId: `<reminder.${input.reminderId}@${host}>`,
    text: [
      `Hello ${input.memberName},`,
      "",
      `${kind} in ${input.orgName}:`,
      "",
      `  ${named}`,
      input.dueDate === null
        ? "  It has no due date: it waits on you now."
        : overdue
          ? `  It was due on ${input.dueDate} and is overdue.`
          : `  It is due on ${input.dueDate}.`,
      "",
      `Open it: ${link}`,
      "",
      `You get reminders by e-mail because they are on for you in ${input.orgName}.`,
      `To stop them, turn off e-mail reminders on your account page: ${input.publicUrl.replace(/\/+$/, "")}/account`,
    ].join("\n"),
  };
}
