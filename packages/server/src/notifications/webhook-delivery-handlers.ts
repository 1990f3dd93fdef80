import { randomUUID } from "node:crypto";
import type { Routes, WebhookDelivery } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, pageOf, parseCursor } from "../http/keyset.js";
import { attemptWebhookDelivery } from "./attempt-webhook-delivery.js";
import { presentDelivery } from "./webhook-presenters.js";
import { findWebhookRow } from "./webhook-records.js";

/** A webhook's deliveries, newest first, in keyset pages. */
export const listWebhookDeliveries: Handler<Routes["listWebhookDeliveries"]> = async ({ tx, org, input }) => {
  const webhook = await findWebhookRow(tx, org.orgId, input.params.webhookId);
  const cursor = parseCursor(input.query.cursor);
  const sort = { column: "created_at", direction: "desc", idColumn: "id" } as const;
  const rows = await tx
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("webhook_id", "=", webhook.id)
    .$if(cursor !== null, (qb) => qb.where(afterCursor(sort, cursor as NonNullable<typeof cursor>)))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(input.query.limit + 1)
    .execute();
  return pageOf(rows, input.query.limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentDelivery);
};

/**
 * "Send test": records a `webhook.test` delivery with an audit entry, then, once that is committed,
 * makes one attempt through the same code as reminders (signing, address checks, the log) and answers
 * with its result. A failed test is not retried.
 */
export const testWebhook: Handler<Routes["testWebhook"]> = async ({
  tx,
  org,
  actor,
  input,
  deps,
  audit,
  afterCommit,
}) => {
  const webhook = await findWebhookRow(tx, org.orgId, input.params.webhookId);
  if (webhook.archived_at) throw new AppError("illegal_transition", "This webhook is archived; it cannot be tested.");
  if (!webhook.enabled) throw new AppError("illegal_transition", "This webhook is turned off; turn it on to test it.");
  const id = randomUUID();
  const row = await tx
    .insertInto("webhook_deliveries")
    .values({
      id,
      org_id: org.orgId,
      webhook_id: webhook.id,
      event: "webhook.test",
      payload: JSON.stringify({
        test: {
          message: "A test from OpenAIMS. If this arrived with a valid signature, the webhook works.",
          requestedBy: actor.name,
        },
      }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: "webhook.tested",
    entityType: "webhook",
    entityId: webhook.id,
    changes: { deliveryId: { before: null, after: id } },
  });
  const result: WebhookDelivery = presentDelivery(row);
  afterCommit(async () => {
    const attempt = await attemptWebhookDelivery({ db: deps.db, secrets: deps.secrets, config: deps.config }, id, true);
    if (attempt.kind !== "missing") Object.assign(result, attempt.delivery);
  });
  return result;
};
