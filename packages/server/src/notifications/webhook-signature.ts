import { createHmac } from "node:crypto";

/**
 * The value of the `OpenAIMS-Signature` header: `v1=` and the hex HMAC-SHA256, keyed with the whole
 * secret string (UTF-8), over `<timestamp>.<raw body>`. Signing the timestamp with the body lets a
 * receiver refuse an old message replayed later.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}
