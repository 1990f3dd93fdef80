/**
 * One HTTP request/response over a keep-alive agent, bounded in time (the whole exchange, reading the
 * body included) and in size. Never rejects: failures come back as a `failure` with a short,
 * human message and whatever part of the body arrived.
 */
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { readCappedBody } from "./read-capped-body.js";

export interface HttpCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxReplyBytes: number;
  agent: http.Agent;
  signal?: AbortSignal;
}

export interface HttpCallOutcome {
  /** Present once a response head arrived. */
  status?: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
  truncated: boolean;
  latencyMs: number;
  failure?: { kind: "timeout" | "network" | "aborted"; message: string };
}

/** A keep-alive agent for a target URL's protocol; destroy it when the target closes. */
export function createKeepAliveAgent(url: URL): http.Agent {
  const options = { keepAlive: true, keepAliveMsecs: 1000, maxFreeSockets: 256 };
  return url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

const timedOut = Symbol("timed out");

export async function callHttp(call: HttpCall): Promise<HttpCallOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timedOut), call.timeoutMs);
  const forwardAbort = () => controller.abort(call.signal?.reason);
  if (call.signal?.aborted) forwardAbort();
  else call.signal?.addEventListener("abort", forwardAbort, { once: true });

  const outcome: HttpCallOutcome = { statusText: "", headers: {}, body: "", truncated: false, latencyMs: 0 };
  try {
    const response = await sendRequest(call, controller.signal);
    outcome.status = response.statusCode ?? 0;
    outcome.statusText = response.statusMessage || http.STATUS_CODES[outcome.status] || "";
    outcome.headers = response.headers;
    const read = await readCappedBody(response, { maxBytes: call.maxReplyBytes, signal: controller.signal });
    outcome.body = read.bytes.toString("utf8");
    outcome.truncated = read.truncated;
    if (read.endedBy === "error" || read.endedBy === "abort") {
      outcome.failure = describeFailure(controller.signal, read.error, call, "mid-reply");
    }
  } catch (error) {
    outcome.failure = describeFailure(controller.signal, error, call, "before replying");
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener("abort", forwardAbort);
    outcome.latencyMs = performance.now() - started;
  }
  return outcome;
}

function sendRequest(call: HttpCall, signal: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const requester = call.url.protocol === "https:" ? https.request : http.request;
    const request = requester(call.url, {
      method: call.method,
      headers: { ...call.headers, "content-length": String(Buffer.byteLength(call.body)) },
      agent: call.agent,
    });
    // Destroying the request on abort also ends a response still being read.
    const onAbort = () => request.destroy(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    request.once("close", () => signal.removeEventListener("abort", onAbort));
    request.once("response", resolve);
    request.once("error", reject);
    request.end(call.body);
  });
}

function describeFailure(
  signal: AbortSignal,
  error: unknown,
  call: HttpCall,
  when: "before replying" | "mid-reply",
): NonNullable<HttpCallOutcome["failure"]> {
  if (signal.aborted && signal.reason === timedOut) {
    return { kind: "timeout", message: `timed out after ${call.timeoutMs} ms` };
  }
  if (signal.aborted) return { kind: "aborted", message: "aborted" };
  const host = call.url.host;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ECONNREFUSED":
      return { kind: "network", message: `connection refused at ${host}` };
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return { kind: "network", message: `host not found: ${call.url.hostname}` };
    case "ECONNRESET":
    case "EPIPE":
    case "ERR_STREAM_PREMATURE_CLOSE":
    case undefined:
      return { kind: "network", message: `connection closed by ${host} ${when}` };
    default:
      return { kind: "network", message: `network error at ${host}: ${code}` };
  }
}

/** A URL fit for reports: no user, password, query or fragment. */
export function publicEndpoint(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
