import { createHash, randomBytes } from "node:crypto";

/**
 * The delivery id of one event to one webhook, derived from both so that offering the same event to
 * the same webhook again (a repeated call, a job run twice) finds the delivery already there.
 */
export function deliveryIdFor(eventId: string, webhookId: string): string {
  const hex = createHash("sha256").update(`openaims webhook delivery\0${eventId}\0${webhookId}`).digest("hex");
  // Shaped as a version 8 (custom) UUID with the RFC 4122 variant, so it fits the uuid column.
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A new signing secret: 32 random bytes, base64url, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
