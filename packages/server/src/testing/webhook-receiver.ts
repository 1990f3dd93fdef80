import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the receiver saw it, recorded as soon as its body arrived (before answering). */
export interface WebhookReceipt {
  deliveryId: string | undefined;
  event: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface WebhookReceiverOptions {
  /** Milliseconds to wait before answering each request (to keep deliveries in flight). */
  delayMs?: number;
  /** The status to answer with (default 200). */
  status?: (receipt: WebhookReceipt) => number;
}

/**
 * A real HTTP server on a random loopback port that records every webhook call it receives, for tests
 * and the bench. A receipt is recorded when the body has arrived, so a call whose sender dies before the
 * answer still counts as received — as it would at a real receiver.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}) {
  const receipts: WebhookReceipt[] = [];
  let inFlight = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const receipt: WebhookReceipt = {
        deliveryId: header("openaims-delivery"),
        event: header("openaims-event"),
        timestamp: header("openaims-timestamp"),
        signature: header("openaims-signature"),
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
      };
      receipts.push(receipt);
      inFlight++;
      const answer = () => {
        inFlight--;
        if (response.destroyed) return;
        response.writeHead(options.status?.(receipt) ?? 200, { "content-type": "text/plain" }).end("ok");
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/openaims`,
    receipts,
    /** Requests received and not yet answered. */
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
