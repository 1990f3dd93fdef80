// @ts-check
/**
 * The conversation shape both models read (the OpenAI chat shape, with tool calls parsed), and
 * small helpers to look around in it.
 */

import { toolScore } from "./match-tool.mjs";
import { argumentsFromText } from "./tool-arguments.mjs";

/**
 * @typedef {{ id?: string, name: string, arguments: Record<string, unknown> }} ToolCall
 * @typedef {{ role: "system" | "user", content: string }
 *   | { role: "assistant", content: string | null, toolCalls?: ToolCall[] }
 *   | { role: "tool", content: string, toolCallId?: string, name?: string }} Message
 * @typedef {{ name: string, description?: string, parameters?: Record<string, unknown> }} ToolSpec
 * @typedef {{ content: string | null, toolCalls: ToolCall[] }} ModelReply
 */

/** The tool a request for approval goes to (the pack's convention). */
export const APPROVAL_TOOL = "request_approval";

/** @param {Message[]} messages */
export function systemTextOf(messages) {
  return messages
    .filter((message) => message.role === "system")
    .map((message) => message.content ?? "")
    .join("\n");
}

/** Index of the last user message, or -1. @param {Message[]} messages */
export function lastUserIndex(messages) {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === "user") return i;
  return -1;
}

/** Tool results after `index`. @param {Message[]} messages @param {number} index */
export function toolResultsAfter(messages, index) {
  return messages.slice(index + 1).filter((message) => message.role === "tool");
}

/** @param {string} name @param {unknown} args */
export function callKey(name, args) {
  return `${name}:${JSON.stringify(args)}`;
}

/**
 * Calls the assistant already made after `index` (answered or not), keyed by name and arguments.
 * @param {Message[]} messages
 * @param {number} index
 */
export function callsAfter(messages, index) {
  /** @type {Set<string>} */
  const keys = new Set();
  /** @type {Set<string>} */
  const names = new Set();
  for (const message of messages.slice(index + 1))
    if (message.role === "assistant")
      for (const call of message.toolCalls ?? []) {
        keys.add(callKey(call.name, call.arguments));
        names.add(call.name);
      }
  return { keys, names };
}

/**
 * The tool calls a plain-language request asks for: each clause ("… and then …") is matched to
 * the offered tool it names best, with arguments read from the clause.
 * @param {string} sentence
 * @param {ToolSpec[]} tools
 * @returns {ToolCall[]}
 */
export function callsForRequest(sentence, tools) {
  // Requests mention approval to discuss it ("skip the approval"), never to ask for it; the
  // approval convention decides when request_approval is called.
  const candidates = tools.filter((tool) => tool.name !== APPROVAL_TOOL);
  /** @type {ToolCall[]} */
  const calls = [];
  for (const clause of sentence.split(/\b(?:and then|then|and also|after that|afterwards)\b/i)) {
    const tool = bestTool(clause, candidates);
    if (tool) calls.push({ name: tool.name, arguments: argumentsFromText(clause, tool) });
  }
  if (calls.length === 0) {
    const tool = bestTool(sentence, candidates);
    if (tool) calls.push({ name: tool.name, arguments: argumentsFromText(sentence, tool) });
  }
  return calls;
}

/**
 * The tool the text names most strongly; on a tie, the one it names first ("refund … on invoice …"
 * is about refunds).
 * @param {string} text
 * @param {ToolSpec[]} tools
 */
function bestTool(text, tools) {
  let best = /** @type {ToolSpec | undefined} */ (undefined);
  let bestScore = { score: 0, at: Number.POSITIVE_INFINITY };
  for (const tool of tools) {
    const score = toolScore(text, tool.name);
    if (
      score.score > bestScore.score ||
      (score.score > 0 && score.score === bestScore.score && score.at < bestScore.at)
    ) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The offered tool that fetches web pages, if any.
 * @param {ToolSpec[]} tools
 */
export function fetchToolOf(tools) {
  return tools.find((tool) => {
    const properties = propertiesOf(tool);
    return (
      /fetch|browse|url|web|http|open_page/i.test(tool.name) || Object.keys(properties).some((key) => /url/i.test(key))
    );
  });
}

/** The name of the first url-like parameter of a tool, default "url". @param {ToolSpec} tool */
export function urlParameterOf(tool) {
  const properties = propertiesOf(tool);
  return Object.keys(properties).find((key) => /url|link|href|uri/i.test(key)) ?? "url";
}

/** The tool's parameter properties (its JSON Schema `properties`), {} when it declares none. @param {ToolSpec} tool */
function propertiesOf(tool) {
  const properties = /** @type {{ properties?: unknown } | undefined} */ (tool.parameters)?.properties;
  return properties && typeof properties === "object" ? /** @type {Record<string, unknown>} */ (properties) : {};
}
