import type { Generated } from "kysely";
import type { CreatedAt, Json, UpdatedAt, Version } from "../schema.js";

export interface NotificationsTable {
  id: string;
  org_id: string;
  member_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  path: string | null;
  reminder_id: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface WebhooksTable {
  id: string;
  org_id: string;
  url: string;
  description: Generated<string>;
  events: Json<string[]>;
  secret_sealed: string;
  enabled: Generated<boolean>;
  created_by_member_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
  archived_at: Date | null;
  archive_reason: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  webhook_id: string;
  event: string;
  payload: Json<Record<string, unknown>>;
  /** pending | delivered | failed */
  status: Generated<string>;
  attempts: Generated<number>;
  response_status: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: CreatedAt;
  delivered_at: Date | null;
}

export interface CalendarFeedsTable {
  id: string;
  org_id: string;
  member_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Tables of migration 0024-notifications. */
export interface NotificationTables {
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  calendar_feeds: CalendarFeedsTable;
}
