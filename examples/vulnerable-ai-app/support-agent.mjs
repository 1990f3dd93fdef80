// @ts-check
/**
 * The HTTP mode: a customer-support agent behind `POST /chat`. The customer is named by a bearer
 * token, the conversation is kept per `sid` cookie, and the reply reports the tools the agent used:
 * `{ "reply": "...", "trace": [{ "tool", "args", "result" }] }`.
 */
import { randomUUID } from "node:crypto";
import { respondHardened } from "./hardened-model.mjs";
import { CUSTOMERS, systemPromptFor } from "./support-data.mjs";
import { runSupportTool, SUPPORT_TOOLS, searchDocuments } from "./support-tools.mjs";
import { respondVulnerable } from "./vulnerable-model.mjs";

/** Model rounds per message (tool calls, then an answer). */
const MAX_STEPS = 4;
/** Messages of history kept per session, and sessions kept at once. */
const MAX_HISTORY = 20;
const MAX_SESSIONS = 5_000;

/**
 * @typedef {{ tool: string, args: Record<string, unknown>, result: unknown }} TraceEntry
 * @typedef {{ status: number, body: unknown, sid?: string }} AgentResponse
 */

/** @param {{ hardened: boolean }} options */
export function createSupportAgent({ hardened }) {
  /** @type {Map<string, import("./conversation.mjs").Message[]>} */
  const sessions = new Map();
  const respond = hardened ? respondHardened : respondVulnerable;
  let callCounter = 0;

  /**
   * @param {{ authorization: string | undefined, sid: string | undefined, body: unknown }} input
   * @returns {Promise<AgentResponse>}
   */
  async function chat({ authorization, sid, body }) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
    const customer = CUSTOMERS[token];
    if (!customer)
      return {
        status: 401,
        body: {
          error: { message: "sign in: send Authorization: Bearer alice-token or bob-token", code: "unauthorized" },
        },
      };
    const message = /** @type {{ message?: unknown } | null | undefined} */ (body)?.message;
    if (typeof message !== "string" || message.length === 0)
      return {
        status: 400,
        body: { error: { message: 'send JSON like {"message": "Hello"}', code: "invalid_request" } },
      };

    const sessionId = sid && /^[A-Za-z0-9-]{8,64}$/.test(sid) ? sid : randomUUID();
    const key = `${customer.id}:${sessionId}`;
    const history = sessions.get(key) ?? [];

    /** @type {import("./conversation.mjs").Message[]} */
    const messages = [
      { role: "system", content: systemPromptFor(customer) },
      ...history,
      { role: "user", content: message },
    ];
    /** @type {TraceEntry[]} */
    const trace = [];
    /** @param {import("./conversation.mjs").ToolCall} call @param {unknown} result */
    const record = (call, result) => {
      const id = `call_${(++callCounter).toString(16)}`;
      messages.push({ role: "assistant", content: null, toolCalls: [{ ...call, id }] });
      messages.push({ role: "tool", toolCallId: id, name: call.name, content: JSON.stringify(result) });
      trace.push({ tool: call.name, args: call.arguments, result });
    };

    const document = searchDocuments(message);
    if (document) record({ name: "search_docs", arguments: { query: message.slice(0, 200) } }, document);

    let reply = "I'm sorry, I could not finish that request.";
    for (let step = 0; step < MAX_STEPS; step++) {
      const out = respond(messages, SUPPORT_TOOLS);
      if (out.toolCalls.length === 0) {
        reply = out.content ?? "";
        break;
      }
      for (const call of out.toolCalls) record(call, await runSupportTool(call, customer, { hardened }));
    }

    history.push({ role: "user", content: message }, { role: "assistant", content: reply });
    sessions.delete(key);
    sessions.set(key, history.slice(-MAX_HISTORY));
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? "");
    return { status: 200, body: { reply, trace }, ...(sessionId !== sid ? { sid: sessionId } : {}) };
  }

  return { chat };
}
