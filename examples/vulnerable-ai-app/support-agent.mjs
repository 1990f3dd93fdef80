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

/**
 * The tools run in process unless `tools` is given (MCP mode: a client of an MCP server, see mcp-tools.mjs).
 * @param {{ hardened: boolean, tools?: import("./mcp-tools.mjs").ToolRunner }} options
 */
export function createSupportAgent({ hardened, tools = inProcessTools(hardened) }) {
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
    /** @param {import("./conversation.mjs").ToolCall} call */
    const run = async (call) => {
      const { forModel, forTrace } = await tools.call(call, customer, key);
      const id = `call_${(++callCounter).toString(16)}`;
      messages.push({ role: "assistant", content: null, toolCalls: [{ ...call, id }] });
      messages.push({ role: "tool", toolCallId: id, name: call.name, content: JSON.stringify(forModel) });
      trace.push({ tool: call.name, args: call.arguments, result: forTrace });
    };

    if (searchDocuments(message)) await run({ name: "search_docs", arguments: { query: message.slice(0, 200) } });

    // Only the tools the tool server lists are offered (behind a gateway: those the policy does not hide).
    const offered = (await tools.list()).filter((tool) => tool.name !== "search_docs");
    let reply = "I'm sorry, I could not finish that request.";
    for (let step = 0; step < MAX_STEPS; step++) {
      const out = respond(messages, offered);
      if (out.toolCalls.length === 0) {
        reply = out.content ?? "";
        break;
      }
      for (const call of out.toolCalls) await run(call);
    }

    history.push({ role: "user", content: message }, { role: "assistant", content: reply });
    sessions.delete(key);
    sessions.set(key, history.slice(-MAX_HISTORY));
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? "");
    return { status: 200, body: { reply, trace }, ...(sessionId !== sid ? { sid: sessionId } : {}) };
  }

  return { chat, close: () => tools.close() };
}

/**
 * The tools called in process, as the default modes do.
 * @param {boolean} hardened
 * @returns {import("./mcp-tools.mjs").ToolRunner}
 */
function inProcessTools(hardened) {
  return {
    list: async () => SUPPORT_TOOLS,
    async call(call, customer) {
      const result = await runSupportTool(call, customer, { hardened });
      return { forModel: result, forTrace: result };
    },
    close: async () => {},
  };
}
