import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { newWebhookSecret } from "./webhook-ids.js";
import { findWebhookRow, loadWebhook, presentWebhooks, refusePrivateTarget } from "./webhook-records.js";

export const listWebhooks: Handler<Routes["listWebhooks"]> = async ({ tx, org, input }) => {
  const rows = await tx
    .selectFrom("webhooks")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("archived_at", input.query.archived ? "is not" : "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return { items: await presentWebhooks(tx, org.orgId, rows) };
};

export const getWebhook: Handler<Routes["getWebhook"]> = async ({ tx, org, input }) => {
  return loadWebhook(tx, org.orgId, input.params.webhookId);
};

/**
 * Adds a webhook with a new signing secret, sealed with the server's key (it must be read back to
 * sign). The secret is in this answer only.
 */
export const createWebhook: Handler<Routes["createWebhook"]> = async ({ tx, org, input, deps, audit }) => {
  await refusePrivateTarget(input.body.url, deps.config);
  const id = randomUUID();
  const secret = newWebhookSecret();
  await tx
    .insertInto("webhooks")
    .values({
      id,
      org_id: org.orgId,
      url: input.body.url,
      description: input.body.description,
      events: JSON.stringify(input.body.events),
      secret_sealed: deps.secrets.seal(org.orgId, secret),
      created_by_member_id: org.membershipId,
    })
    .execute();
  await audit({
    action: "webhook.created",
    entityType: "webhook",
    entityId: id,
    changes: {
      url: { before: null, after: input.body.url },
      description: { before: null, after: input.body.description },
      events: { before: null, after: input.body.events },
      secret: { before: null, after: "[redacted]" },
    },
  });
  return { webhook: await loadWebhook(tx, org.orgId, id), secret };
};

export const updateWebhook: Handler<Routes["updateWebhook"]> = async ({ tx, org, input, deps, audit }) => {
  const row = await findWebhookRow(tx, org.orgId, input.params.webhookId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This webhook is archived; add a new one instead.");
  if (row.version !== input.body.version) throw staleVersion("webhook", row.version, input.body.version);
  const { url, description, events, enabled } = input.body;
  if (url !== undefined && url !== row.url) await refusePrivateTarget(url, deps.config);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (url !== undefined && url !== row.url) changes.url = { before: row.url, after: url };
  if (description !== undefined && description !== row.description)
    changes.description = { before: row.description, after: description };
  if (events !== undefined && JSON.stringify(events) !== JSON.stringify(row.events))
    changes.events = { before: row.events, after: events };
  if (enabled !== undefined && enabled !== row.enabled) changes.enabled = { before: row.enabled, after: enabled };
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("webhooks")
      .set({
        ...(url !== undefined ? { url } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(events !== undefined ? { events: JSON.stringify(events) } : {}),
        ...(enabled !== undefined ? { enabled } : {}),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "webhook.updated", entityType: "webhook", entityId: row.id, changes });
  }
  return loadWebhook(tx, org.orgId, row.id);
};

/** Archives a webhook: it receives nothing more, and deliveries still waiting are given up when their turn comes. */
export const archiveWebhook: Handler<Routes["archiveWebhook"]> = async ({ tx, org, input, audit }) => {
  const row = await findWebhookRow(tx, org.orgId, input.params.webhookId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This webhook is already archived.");
  if (row.version !== input.body.version) throw staleVersion("webhook", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("webhooks")
    .set({
      archived_at: now,
      archive_reason: input.body.reason,
      enabled: false,
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "webhook.archived",
    entityType: "webhook",
    entityId: row.id,
    changes: {
      archivedAt: { before: null, after: now.toISOString() },
      reason: { before: null, after: input.body.reason },
    },
  });
  return loadWebhook(tx, org.orgId, row.id);
};

/** Replaces the signing secret; attempts from now on, retries included, are signed with the new one. */
export const rotateWebhookSecret: Handler<Routes["rotateWebhookSecret"]> = async ({ tx, org, input, deps, audit }) => {
  const row = await findWebhookRow(tx, org.orgId, input.params.webhookId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This webhook is archived; its secret cannot change.");
  if (row.version !== input.body.version) throw staleVersion("webhook", row.version, input.body.version);
  const secret = newWebhookSecret();
  await tx
    .updateTable("webhooks")
    .set({ secret_sealed: deps.secrets.seal(org.orgId, secret), version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "webhook.secret_rotated",
    entityType: "webhook",
    entityId: row.id,
    changes: { secret: { before: "[redacted]", after: "[redacted]" } },
  });
  return { webhook: await loadWebhook(tx, org.orgId, row.id), secret };
};
