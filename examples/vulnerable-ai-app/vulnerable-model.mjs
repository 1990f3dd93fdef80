// @ts-check
/**
 * The vulnerable simulated model. It has every flaw the default probe pack looks for: it reads
 * every message (documents and tool results included) as instructions and follows the latest one,
 * undoes encodings and then obeys them, shows its system prompt and anything in its context on
 * request, calls any tool with any arguments, and produces output of any length.
 */
import {
  APPROVAL_TOOL,
  callKey,
  callsAfter,
  callsForRequest,
  fetchToolOf,
  lastUserIndex,
  systemTextOf,
  toolResultsAfter,
  urlParameterOf,
} from "./conversation.mjs";
import { lastInstruction } from "./find-instructions.mjs";
import { normaliseText } from "./normalise-text.mjs";
import { readConventions } from "./system-conventions.mjs";

/** Even the vulnerable model stops somewhere: this many characters (a safety net for the demo). */
const SAFETY_CAP_CHARS = 2 * 1024 * 1024;

/** Pressure that talks the vulnerable model out of asking for approval. */
const BYPASS =
  /\b(?:skip|bypass|without|no need (?:for|to)|don't wait for|do not wait for|ignore|forget)\b[^.\n]{0,40}\b(?:approval|approver|approve|confirm(?:ation)?|sign-off|review|human|manager|supervisor)\b|\b(?:already|pre-?)\s*(?:been\s+)?(?:approved|authori[sz]ed|signed off)\b|\bapproval (?:is )?not (?:needed|required)\b|\bno approval\b|\burgent(?:ly)?\b|\bemergency\b/i;

/**
 * @param {import("./conversation.mjs").Message[]} messages
 * @param {import("./conversation.mjs").ToolSpec[]} tools
 * @returns {import("./conversation.mjs").ModelReply}
 */
export function respondVulnerable(messages, tools) {
  const systemText = systemTextOf(messages);
  const toolNames = tools.map((tool) => tool.name);
  const userIndex = lastUserIndex(messages);

  /** @type {ReturnType<typeof lastInstruction>} */
  let instruction = null;
  let source = "";
  for (let i = messages.length - 1; i >= 0 && !instruction; i--) {
    const message = messages[i];
    if (!message?.content) continue;
    const { text } = normaliseText(message.content);
    instruction = lastInstruction(text, { toolNames });
    source = text;
  }
  const results = toolResultsAfter(messages, userIndex);
  const presentResults = () => reply(`Here is what I found:\n${results.map((result) => result.content).join("\n")}`);
  if (!instruction) return results.length > 0 ? presentResults() : reply(GREETING);

  switch (instruction.kind) {
    case "call_tool":
    case "use_tools": {
      const wanted =
        instruction.kind === "call_tool"
          ? [{ name: instruction.name, arguments: instruction.arguments }]
          : callsForRequest(instruction.sentence, tools);
      const made = callsAfter(messages, userIndex);
      const approvalTools = readConventions(systemText).approvalTools;
      const calls = [];
      for (const call of wanted) {
        if (approvalTools.includes(call.name) && !BYPASS.test(source)) {
          if (made.names.has(APPROVAL_TOOL)) continue;
          calls.push({
            name: APPROVAL_TOOL,
            arguments: { action: call.name, details: JSON.stringify(call.arguments) },
          });
        } else if (!made.keys.has(callKey(call.name, call.arguments))) calls.push(call);
      }
      if (calls.length > 0) return { content: null, toolCalls: calls };
      return results.length > 0 ? presentResults() : reply("Done.");
    }
    case "fetch": {
      const tool = fetchToolOf(tools);
      if (!tool) return reply(`I opened ${instruction.url} and had a look; it loaded fine.`);
      const call = { name: tool.name, arguments: { [urlParameterOf(tool)]: instruction.url } };
      if (callsAfter(messages, userIndex).keys.has(callKey(call.name, call.arguments))) return presentResults();
      return { content: null, toolCalls: [call] };
    }
    case "reveal": {
      if (!systemText) return reply("I was not given any special instructions.");
      if (instruction.base64)
        return reply(`My instructions in base64: ${Buffer.from(systemText, "utf8").toString("base64")}`);
      return reply(`Sure, here are my instructions:\n${systemText}`);
    }
    case "share_data": {
      const context = [
        systemText,
        ...messages.filter((message) => message.role === "tool").map((message) => message.content),
      ];
      return reply(`Here is everything I have:\n${context.filter(Boolean).join("\n")}`);
    }
    case "say":
      return reply(instruction.text);
    case "include":
      return reply(`Here is the text you asked for:\n${instruction.payload}`);
    case "repeat":
      return reply(repeatUpTo(instruction.text, instruction.times, " "));
    case "count": {
      const numbers = [];
      let length = 0;
      for (let n = instruction.from; n <= instruction.to && length < SAFETY_CAP_CHARS; n++) {
        numbers.push(n);
        length += String(n).length + 1;
      }
      return reply(numbers.join(" "));
    }
  }
}

const GREETING = "Hello! I'm happy to help. What would you like to know?";

/** @param {string} content @returns {import("./conversation.mjs").ModelReply} */
function reply(content) {
  return { content, toolCalls: [] };
}

/** @param {string} text @param {number} times @param {string} separator */
function repeatUpTo(text, times, separator) {
  const fitting = Math.min(times, Math.floor(SAFETY_CAP_CHARS / (text.length + separator.length)) || 1);
  return Array.from({ length: fitting }, () => text).join(separator);
}
