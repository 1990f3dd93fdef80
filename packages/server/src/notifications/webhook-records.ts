import type { Webhook } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { ServerConfig } from "../config.js";
import { notFound } from "../http/app-error.js";
import { invalidField } from "../http/invalid-fields.js";
import { presentWebhook } from "./webhook-presenters.js";
import { checkWebhookTarget } from "./webhook-target.js";

/** A webhook row of the organisation, locked for a change when `forUpdate`; another organisation's is not found. */
export async function findWebhookRow(db: Kysely<Database>, orgId: string, webhookId: string, forUpdate = false) {
  const row = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", webhookId)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) throw notFound("Webhook", webhookId);
  return row;
}

/** Webhooks presented with their newest delivery. */
export async function presentWebhooks(
  db: Kysely<Database>,
  orgId: string,
  rows: Awaited<ReturnType<typeof findWebhookRow>>[],
): Promise<Webhook[]> {
  if (rows.length === 0) return [];
  const latest = await db
    .selectFrom("webhook_deliveries")
    .select(["webhook_id", "status", "created_at", "response_status"])
    .distinctOn("webhook_id")
    .where("org_id", "=", orgId)
    .where(
      "webhook_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("webhook_id")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) =>
    presentWebhook(
      row,
      latest.find((delivery) => delivery.webhook_id === row.id),
    ),
  );
}

/**
 * Refuses a webhook URL whose host is, or resolves to, a loopback, private, link-local, unique-local
 * or carrier-grade NAT address, unless the server allows private targets. This is the early, friendly
 * check; every delivery checks the address again as it connects.
 */
export async function refusePrivateTarget(url: string, config: ServerConfig): Promise<void> {
  const refusal = await checkWebhookTarget(new URL(url), config.webhooksAllowPrivate);
  if (!refusal) return;
  if (refusal.reason === "private")
    throw invalidField(
      "body.url",
      `points to ${refusal.address}, a private, loopback or link-local address; webhooks may only call public addresses unless the server's administrator sets AIMS_WEBHOOK_ALLOW_PRIVATE=1`,
      "URL",
    );
  throw invalidField("body.url", `has a host name that could not be resolved (${refusal.detail})`, "URL");
}

/** One webhook of the organisation as the API shows it. */
export async function loadWebhook(db: Kysely<Database>, orgId: string, webhookId: string): Promise<Webhook> {
  const [webhook] = await presentWebhooks(db, orgId, [await findWebhookRow(db, orgId, webhookId)]);
  if (!webhook) throw notFound("Webhook", webhookId);
  return webhook;
}
