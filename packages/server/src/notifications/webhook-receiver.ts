import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived. */
  body: string;
  at: number;
}

/**
 * A real HTTP server on a random loopback port that keeps every call and answers with the next status
 * of `statuses` (the last one repeats): a receiver that fails a few times before it works.
 */
export async function startWebhookReceiver(statuses: number[] = [200]) {
  const calls: ReceivedCall[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      calls.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = statuses[Math.min(calls.length - 1, statuses.length - 1)] ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/aims`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
