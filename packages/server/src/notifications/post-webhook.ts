import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { hostOf, isPrivateAddress } from "./webhook-target.js";

/** How long one delivery attempt may take, connection to last byte. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Bytes of the receiver's answer read before it is cut off (only the status matters). */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** A receiver's answer, or why there was none. */
export type WebhookOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * POSTs a webhook body. The host is resolved as the connection is made and refused when it resolves
 * to a private or loopback address (unless `allowPrivate`), so a name that changes its answer after
 * the webhook was saved cannot reach inside the network. Redirects are not followed.
 */
export async function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; signal?: AbortSignal; timeoutMs?: number },
): Promise<WebhookOutcome> {
  const host = hostOf(url);
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host))
    return { ok: false, status: null, error: privateMessage(host) };
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  const signal = AbortSignal.any(signals);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<WebhookOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: WebhookOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        signal,
        lookup: options.allowPrivate ? undefined : publicOnlyLookup,
      },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const status = response.statusCode ?? 0;
        const done = () =>
          finish(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: `The receiver answered ${status}${statusText(response.statusMessage)}.` },
          );
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (signal.aborted && !options.signal?.aborted)
        finish({ ok: false, status: null, error: `No answer within ${timeoutMs / 1000} s.` });
      else if (options.signal?.aborted)
        finish({ ok: false, status: null, error: "The server stopped during the call." });
      else if (error.code === "EPRIVATEADDRESS") finish({ ok: false, status: null, error: error.message });
      else finish({ ok: false, status: null, error: `Could not reach ${url.host}: ${error.code ?? error.message}.` });
    });
    request.end(body);
  });
}

function statusText(message: string | undefined): string {
  return message ? ` (${message.slice(0, 100)})` : "";
}

function privateMessage(address: string): string {
  return `The host resolves to ${address}, a private or loopback address; webhooks may reach those only when AIMS_WEBHOOK_ALLOW_PRIVATE=1.`;
}

/** `dns.lookup` that fails when any address the name resolves to is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const inside = addresses.find((entry) => isPrivateAddress(entry.address));
    if (inside)
      return callback(Object.assign(new Error(privateMessage(inside.address)), { code: "EPRIVATEADDRESS" }), "", 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
    callback(null, first.address, first.family);
  });
};
