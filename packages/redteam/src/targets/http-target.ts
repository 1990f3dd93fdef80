/**
 * A target for any JSON-over-HTTP chat endpoint: the body is a template, the reply text (and
 * optionally a tool-call trace and a session id) are picked out of the reply with selectors.
 */
import type { ExchangeRequest, Target, ToolCall } from "../model.js";
import { fillBodyTemplate, lastUserText } from "./body-template.js";
import { cookieHeader, storeSetCookies } from "./cookie-jar.js";
import { resolveEnvRecord } from "./env-template.js";
import { failed, succeeded, toolArguments } from "./exchange-result.js";
import { callHttp, createKeepAliveAgent, publicEndpoint } from "./http-call.js";
import { exchangeFacts, failedHttpExchange, parseJsonBody } from "./http-outcome.js";
import { parseSelector, type SelectorPath, selectValue } from "./json-selector.js";
import type { HttpTargetConfig } from "./target-config.js";
import { readToolResult } from "./tool-result.js";

/** Key in SessionState.values under which the captured session id is kept. */
export const SESSION_VALUE_KEY = "session";

export function createHttpTarget(config: HttpTargetConfig, env: NodeJS.ProcessEnv): Target {
  const url = new URL(config.url);
  const agent = createKeepAliveAgent(url);
  const baseHeaders: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/plain;q=0.9, */*;q=0.5",
    "user-agent": "openaims-redteam",
    ...resolveEnvRecord(config.headers, env, "headers"),
  };
  const identities = config.identities && {
    primary: {
      ...baseHeaders,
      ...resolveEnvRecord(config.identities.primary.headers, env, "identities.primary.headers"),
    },
    secondary: {
      ...baseHeaders,
      ...resolveEnvRecord(config.identities.secondary.headers, env, "identities.secondary.headers"),
    },
  };
  const replyPath = config.reply === undefined ? undefined : parseSelector(config.reply);
  const sessionPath = config.session.fromReply === undefined ? undefined : parseSelector(config.session.fromReply);
  const trace = config.toolTrace && {
    path: parseSelector(config.toolTrace.path),
    name: parseSelector(config.toolTrace.name),
    arguments: parseSelector(config.toolTrace.arguments),
    result: config.toolTrace.result === undefined ? undefined : parseSelector(config.toolTrace.result),
  };

  return {
    capabilities: () => ({
      kind: "http",
      endpoint: publicEndpoint(url),
      controlsSystemPrompt: false,
      hasToolTrace: trace !== undefined,
      identities: identities ? ["primary", "secondary"] : [],
    }),

    async send(request: ExchangeRequest, signal?: AbortSignal) {
      // With identities configured, a turn without one is sent as the primary user.
      const headers = { ...(identities ? identities[request.identity ?? "primary"] : baseHeaders) };
      const cookies = config.session.cookies ? cookieHeader(request.session.cookies) : undefined;
      if (cookies) headers.cookie = cookies;
      const wireRequest = JSON.stringify(
        fillBodyTemplate(config.body, {
          message: lastUserText(request.messages),
          messages: request.messages,
          session: request.session.values.get(SESSION_VALUE_KEY),
        }),
      );

      const outcome = await callHttp({
        url,
        method: config.method,
        headers,
        body: wireRequest,
        timeoutMs: config.timeoutMs,
        maxReplyBytes: config.maxReplyBytes,
        agent,
        signal,
      });
      if (config.session.cookies) storeSetCookies(request.session.cookies, asList(outcome.headers["set-cookie"]));
      const failure = failedHttpExchange(outcome, wireRequest);
      if (failure) return failure;

      const facts = exchangeFacts(outcome, wireRequest);
      const parsed = parseJsonBody(outcome.body);
      const toolCalls = trace ? (parsed ? readTrace(parsed.value, trace) : []) : null;
      if (parsed && sessionPath) {
        const session = selectValue(parsed.value, sessionPath);
        if (typeof session === "string" || typeof session === "number") {
          request.session.values.set(SESSION_VALUE_KEY, String(session));
        }
      }

      if (replyPath === undefined) {
        // No selector: a JSON string or the body's text (text/plain replies) is the reply.
        return succeeded(parsed && typeof parsed.value === "string" ? parsed.value : outcome.body, toolCalls, facts);
      }
      if (!parsed) {
        // A reply cut at the cap is no longer valid JSON; its text is still the evidence.
        if (outcome.truncated) return succeeded(outcome.body, toolCalls, facts);
        return failed("bad_reply", "reply is not JSON", facts);
      }
      const value = selectValue(parsed.value, replyPath);
      if (value === undefined) return failed("bad_reply", `reply has nothing at "${config.reply}"`, facts);
      return succeeded(asText(value), toolCalls, facts);
    },

    async close() {
      agent.destroy();
    },
  };
}

function readTrace(
  reply: unknown,
  trace: { path: SelectorPath; name: SelectorPath; arguments: SelectorPath; result: SelectorPath | undefined },
): ToolCall[] {
  const entries = selectValue(reply, trace.path);
  if (!Array.isArray(entries)) return [];
  const calls: ToolCall[] = [];
  for (const entry of entries) {
    const name = selectValue(entry, trace.name);
    if (typeof name !== "string") continue;
    const call: ToolCall = { name, arguments: toolArguments(selectValue(entry, trace.arguments)) };
    const id = selectValue(entry, ["id"]);
    if (typeof id === "string") call.id = id;
    const result = trace.result === undefined ? undefined : selectValue(entry, trace.result);
    if (result !== undefined) call.result = readToolResult(result);
    calls.push(call);
  }
  return calls;
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function asList(header: string | string[] | undefined): string[] | undefined {
  return header === undefined ? undefined : Array.isArray(header) ? header : [header];
}
