import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { SecretBox } from "../secrets/secret-box.js";

/**
 * A notification of `memberId` and a webhook of the organisation, written straight to the tables:
 * notifications come only from reminders, and the webhook's loopback URL (refused by the route unless
 * private targets are allowed) makes any delivery to it fail at once, without a network call.
 */
export async function givenNotificationRecords(
  db: Kysely<Database>,
  secrets: SecretBox,
  orgId: string,
  memberId: string,
): Promise<{ notificationId: string; webhookId: string }> {
  const notificationId = randomUUID();
  const webhookId = randomUUID();
  await db
    .insertInto("notifications")
    .values({ id: notificationId, org_id: orgId, member_id: memberId, kind: "objective", title: "Route walk reminder" })
    .execute();
  await db
    .insertInto("webhooks")
    .values({
      id: webhookId,
      org_id: orgId,
      url: "http://127.0.0.1:9/route-walk",
      events: JSON.stringify(["reminder.due"]),
      secret_sealed: secrets.seal(orgId, "whsec_route-walk"),
      created_by_member_id: memberId,
    })
    .execute();
  return { notificationId, webhookId };
}
