import { z } from "zod";
import { pageQuerySchema, reasonSchema, versionSchema } from "../common.js";

/** Events a webhook can receive. */
export const webhookEvents = ["reminder.due", "webhook.test"] as const;
export const webhookEventSchema = z.enum(webhookEvents, { message: `must be one of: ${webhookEvents.join(", ")}` });
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** pending: waiting for its first or a further attempt; delivered: a 2xx answer; failed: given up. */
export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;
export const webhookDeliveryStatusSchema = z.enum(webhookDeliveryStatuses);
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;

/**
 * Where a webhook posts: an absolute http or https URL without a user name, password or fragment.
 * Whether its host is a private address is checked by the server, which resolves the name.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(2000)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a full URL such as https://hooks.example.com/aims" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      ctx.addIssue({ code: "custom", message: "must start with https:// or http://" });
    else if (url.username !== "" || url.password !== "")
      ctx.addIssue({
        code: "custom",
        message: "must not contain a user name or password; the receiver checks the signature instead",
      });
    else if (url.hash !== "") ctx.addIssue({ code: "custom", message: "must not contain a fragment (#…)" });
  });

const eventsSchema = z
  .array(webhookEventSchema)
  .min(1, "choose at least one event")
  .max(webhookEvents.length)
  .transform((events) => [...new Set(events)]);

/** A webhook as listed; its secret is never part of it. */
export const webhookSchema = z.object({
  id: z.string().uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventSchema),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  archivedAt: z.string().nullable(),
  /** The newest delivery's status and time, if any. */
  lastDelivery: z
    .object({ status: webhookDeliveryStatusSchema, createdAt: z.string(), responseStatus: z.number().int().nullable() })
    .nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** A created webhook or a rotated secret: the signing secret, shown only in this answer. */
export const webhookWithSecretSchema = z.object({ webhook: webhookSchema, secret: z.string() });
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookListQuerySchema = z.object({
  archived: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => value === "true"),
});

export const createWebhookRequestSchema = z.object({
  url: webhookUrlSchema,
  description: z.string().trim().max(500).default(""),
  events: eventsSchema.default(["reminder.due"]),
});

export const updateWebhookRequestSchema = z.object({
  url: webhookUrlSchema.optional(),
  description: z.string().trim().max(500).optional(),
  events: eventsSchema.optional(),
  enabled: z.boolean().optional(),
  version: versionSchema,
});

export const archiveWebhookRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });
export const rotateWebhookSecretRequestSchema = z.object({ version: versionSchema });

/** One event sent (or to be sent) to a webhook; retries keep its id. */
export const webhookDeliverySchema = z.object({
  id: z.string().uuid(),
  event: webhookEventSchema,
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = pageQuerySchema;
