import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";

export const getNotificationSettings: Handler<Routes["getNotificationSettings"]> = async ({ tx, org, deps }) => {
  const row = await tx
    .selectFrom("memberships")
    .select("email_reminders")
    .where("id", "=", org.membershipId)
    .executeTakeFirstOrThrow();
  return { emailReminders: row.email_reminders, emailAvailable: deps.mailer.enabled };
};

/** Turns the member's own reminder e-mail on or off in this organisation, with an audit entry when it changes. */
export const updateNotificationSettings: Handler<Routes["updateNotificationSettings"]> = async ({
  tx,
  org,
  input,
  deps,
  audit,
}) => {
  const before = await tx
    .selectFrom("memberships")
    .select("email_reminders")
    .where("id", "=", org.membershipId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const after = input.body.emailReminders;
  if (before.email_reminders !== after) {
    await tx
      .updateTable("memberships")
      .set({ email_reminders: after, updated_at: new Date() })
      .where("id", "=", org.membershipId)
      .execute();
    await audit({
      action: "member.email_reminders_changed",
      entityType: "membership",
      entityId: org.membershipId,
      changes: { emailReminders: { before: before.email_reminders, after } },
    });
  }
  return { emailReminders: after, emailAvailable: deps.mailer.enabled };
};
