import type { Webhook, WebhookDelivery, WebhookDeliveryStatus, WebhookEvent } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Selectable } from "kysely";

type DeliveryRow = Selectable<Database["webhook_deliveries"]>;
type WebhookRow = Selectable<Database["webhooks"]>;

export function presentDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event as WebhookEvent,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    responseStatus: row.response_status,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}

/** A webhook as the API shows it: never its secret. */
export function presentWebhook(
  row: WebhookRow,
  last: { status: string; created_at: Date; response_status: number | null } | undefined,
): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEvent[],
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    archivedAt: row.archived_at?.toISOString() ?? null,
    lastDelivery: last
      ? {
          status: last.status as WebhookDeliveryStatus,
          createdAt: last.created_at.toISOString(),
          responseStatus: last.response_status,
        }
      : null,
  };
}
