// @ts-check
/**
 * The OpenAI-compatible face of the app: `POST /v1/chat/completions` (caller supplies system
 * prompt, history and tools) and `GET /v1/models`. Wire format in, simulated model, wire format out.
 */
import { respondHardened } from "./hardened-model.mjs";
import { sendError, sendJson } from "./http-util.mjs";
import { respondVulnerable } from "./vulnerable-model.mjs";

export const MODEL_ID = "vulnerable-ai-app";

let completionCounter = 0;

/** @param {import("node:http").ServerResponse} response */
export function listModels(response) {
  sendJson(response, 200, {
    object: "list",
    data: [{ id: MODEL_ID, object: "model", created: 1_767_225_600, owned_by: "openaims-example" }],
  });
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {unknown} body parsed JSON request
 * @param {{ hardened: boolean }} options
 */
export function chatCompletion(response, body, { hardened }) {
  const request = parseRequest(body);
  if (typeof request === "string") return sendError(response, 400, request, "invalid_request");
  const reply = hardened
    ? respondHardened(request.messages, request.tools)
    : respondVulnerable(request.messages, request.tools);
  completionCounter++;
  const toolCalls = reply.toolCalls.map((call, index) => ({
    id: `call_${completionCounter.toString(16)}_${index}`,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
  const promptChars = request.messages.reduce((sum, message) => sum + (message.content?.length ?? 0), 0);
  const completionChars =
    (reply.content?.length ?? 0) + toolCalls.reduce((sum, call) => sum + call.function.arguments.length, 0);
  sendJson(response, 200, {
    id: `chatcmpl-${completionCounter.toString(16).padStart(8, "0")}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: reply.content,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
      },
    ],
    usage: {
      prompt_tokens: Math.ceil(promptChars / 4),
      completion_tokens: Math.ceil(completionChars / 4),
      total_tokens: Math.ceil(promptChars / 4) + Math.ceil(completionChars / 4),
    },
  });
}

/**
 * The request in the model's terms, or a message saying what is wrong with it.
 * @param {unknown} body
 * @returns {{ model: string, messages: import("./conversation.mjs").Message[], tools: import("./conversation.mjs").ToolSpec[] } | string}
 */
function parseRequest(body) {
  if (!isObject(body)) return "the body must be a JSON object";
  if (body.stream === true) return "streaming is not supported by this app; send stream: false";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages must be a non-empty array";
  if (body.messages.length > 1000) return "too many messages (at most 1000)";
  /** @type {import("./conversation.mjs").Message[]} */
  const messages = [];
  for (const [index, raw] of body.messages.entries()) {
    if (!isObject(raw)) return `messages[${index}] must be an object`;
    const content = textOf(raw.content);
    switch (raw.role) {
      case "system":
      case "developer":
        messages.push({ role: "system", content: content ?? "" });
        break;
      case "user":
        messages.push({ role: "user", content: content ?? "" });
        break;
      case "assistant":
        messages.push({ role: "assistant", content, toolCalls: parseToolCalls(raw.tool_calls) });
        break;
      case "tool":
        messages.push({
          role: "tool",
          content: content ?? "",
          ...(typeof raw.tool_call_id === "string" ? { toolCallId: raw.tool_call_id } : {}),
          ...(typeof raw.name === "string" ? { name: raw.name } : {}),
        });
        break;
      default:
        return `messages[${index}].role must be system, user, assistant or tool`;
    }
  }
  /** @type {import("./conversation.mjs").ToolSpec[]} */
  const tools = [];
  for (const tool of Array.isArray(body.tools) ? body.tools.slice(0, 128) : []) {
    const fn = isObject(tool) && isObject(tool.function) ? tool.function : null;
    if (fn && typeof fn.name === "string")
      tools.push({
        name: fn.name,
        description: typeof fn.description === "string" ? fn.description : "",
        parameters: isObject(fn.parameters) ? fn.parameters : {},
      });
  }
  return { model: typeof body.model === "string" ? body.model.slice(0, 200) : MODEL_ID, messages, tools };
}

/** @param {unknown} calls @returns {import("./conversation.mjs").ToolCall[]} */
function parseToolCalls(calls) {
  if (!Array.isArray(calls)) return [];
  return calls.filter(isObject).map((call) => {
    const fn = isObject(call.function) ? call.function : {};
    /** @type {Record<string, unknown>} */
    let args = {};
    try {
      const parsed = typeof fn.arguments === "string" ? JSON.parse(fn.arguments) : fn.arguments;
      if (isObject(parsed)) args = parsed;
    } catch {
      // arguments that are not JSON count as none
    }
    return { ...(typeof call.id === "string" ? { id: call.id } : {}), name: String(fn.name ?? ""), arguments: args };
  });
}

/** Text of a message: a string, or the text parts of a content array. @param {unknown} content */
function textOf(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .filter(isObject)
      .map((part) => (typeof part.text === "string" ? part.text : ""))
      .join("\n");
  return null;
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
