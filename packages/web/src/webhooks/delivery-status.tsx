import type { WebhookDeliveryStatus } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";

const tones: Record<WebhookDeliveryStatus, Tone> = { pending: "progress", delivered: "success", failed: "danger" };

/** A delivery's status in words and colour. */
export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  return <StatusBadge of="webhookDeliveryStatus" value={status} tone={tones[status]} />;
}
