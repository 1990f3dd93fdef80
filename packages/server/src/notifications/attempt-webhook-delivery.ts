import type { WebhookDelivery } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { ServerConfig } from "../config.js";
import type { SecretBox } from "../secrets/secret-box.js";
import { postWebhook, type WebhookOutcome } from "./post-webhook.js";
import { pageUrl } from "./record-links.js";
import { presentDelivery } from "./webhook-presenters.js";
import { signWebhook } from "./webhook-signature.js";

export interface DeliveryDeps {
  db: Kysely<Database>;
  secrets: SecretBox;
  config: ServerConfig;
  /** Aborts the call when the server stops. */
  signal?: AbortSignal;
}

/** What one attempt did: nothing (already delivered, or nothing to deliver to), or the receiver's outcome. */
export type AttemptResult =
  | { kind: "missing" }
  | { kind: "settled"; delivery: WebhookDelivery }
  | { kind: "attempted"; outcome: WebhookOutcome; delivery: WebhookDelivery; permanent?: boolean };

/**
 * Makes one attempt at a webhook delivery: counts it, signs the body with the webhook's current
 * secret and a fresh timestamp, posts it, and records the answer. The delivery id (header
 * `OpenAIMS-Delivery`) is the same on every attempt, so a receiver can ignore a repeat. A delivery
 * already made is left alone; one whose webhook was turned off or archived meanwhile is marked
 * failed without a call. `final` marks a failure as the last (the delivery is then failed, not pending).
 */
export async function attemptWebhookDelivery(
  deps: DeliveryDeps,
  deliveryId: string,
  final: boolean,
): Promise<AttemptResult> {
  const { db } = deps;
  const row = await db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhooks as w", "w.id", "d.webhook_id")
    .select(["d.status", "w.enabled", "w.archived_at"])
    .where("d.id", "=", deliveryId)
    .executeTakeFirst();
  if (!row) return { kind: "missing" };
  if (row.status !== "pending") return { kind: "settled", delivery: await loadDelivery(db, deliveryId) };
  if (!row.enabled || row.archived_at) {
    await db
      .updateTable("webhook_deliveries")
      .set({
        status: "failed",
        last_error: row.archived_at
          ? "The webhook was archived before this was delivered."
          : "The webhook was turned off before this was delivered.",
      })
      .where("id", "=", deliveryId)
      .where("status", "=", "pending")
      .execute();
    return { kind: "settled", delivery: await loadDelivery(db, deliveryId) };
  }
  // Counted before the call, so an attempt cut short by a crash still shows in the log.
  const delivery = await db
    .updateTable("webhook_deliveries as d")
    .from("webhooks as w")
    .set({ attempts: sql`d.attempts + 1` })
    .whereRef("w.id", "=", "d.webhook_id")
    .where("d.id", "=", deliveryId)
    .returning(["d.id", "d.org_id", "d.event", "d.payload", "d.created_at", "w.url", "w.secret_sealed"])
    .executeTakeFirstOrThrow();
  const body = JSON.stringify({
    id: delivery.id,
    event: delivery.event,
    createdAt: delivery.created_at.toISOString(),
    organizationId: delivery.org_id,
    data: withLinks(delivery.payload, deps.config.publicUrl, delivery.org_id),
  });
  const timestamp = Math.floor(Date.now() / 1000);
  let secret: string;
  try {
    secret = deps.secrets.open(delivery.org_id, delivery.secret_sealed);
  } catch (error) {
    // Another attempt cannot fix a secret sealed under another server key: give the delivery up.
    const outcome = {
      ok: false as const,
      status: null,
      error: `The signing secret cannot be read: ${(error as Error).message}`,
    };
    await db
      .updateTable("webhook_deliveries")
      .set({ status: "failed", last_error: outcome.error })
      .where("id", "=", deliveryId)
      .execute();
    return { kind: "attempted", outcome, permanent: true, delivery: await loadDelivery(db, deliveryId) };
  }
  const outcome = await postWebhook(
    new URL(delivery.url),
    {
      "user-agent": "OpenAIMS-Webhook/1",
      "openaims-delivery": delivery.id,
      "openaims-event": delivery.event,
      "openaims-timestamp": String(timestamp),
      "openaims-signature": signWebhook(secret, timestamp, body),
    },
    body,
    { allowPrivate: deps.config.webhooksAllowPrivate, ...(deps.signal ? { signal: deps.signal } : {}) },
  );
  await db
    .updateTable("webhook_deliveries")
    .set(
      outcome.ok
        ? { status: "delivered", response_status: outcome.status, last_error: null, delivered_at: new Date() }
        : { status: final ? "failed" : "pending", response_status: outcome.status, last_error: outcome.error },
    )
    .where("id", "=", deliveryId)
    .execute();
  return { kind: "attempted", outcome, delivery: await loadDelivery(db, deliveryId) };
}

/** A reminder's payload gains the full address of its page, as this server is reached. */
function withLinks(payload: Record<string, unknown>, publicUrl: string, orgId: string): Record<string, unknown> {
  const reminder = payload.reminder as { path?: unknown } | undefined;
  if (!reminder || typeof reminder.path !== "string") return payload;
  return { ...payload, reminder: { ...reminder, url: pageUrl(publicUrl, orgId, reminder.path) } };
}

async function loadDelivery(db: Kysely<Database>, id: string): Promise<WebhookDelivery> {
  return presentDelivery(
    await db.selectFrom("webhook_deliveries").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
  );
}
