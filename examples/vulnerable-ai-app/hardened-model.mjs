// @ts-check
/**
 * The hardened simulated model: the same "understanding" as the vulnerable one, with each flaw
 * fixed. Instructions come only from the system prompt and the latest user request; quoted
 * content and tool results are data; disguised or overriding requests are refused; tool calls
 * honour the system prompt's conventions; every reply goes through the output filter.
 */
import {
  APPROVAL_TOOL,
  callsAfter,
  callsForRequest,
  fetchToolOf,
  lastUserIndex,
  systemTextOf,
  toolResultsAfter,
  urlParameterOf,
} from "./conversation.mjs";
import { lastInstruction, splitSentences } from "./find-instructions.mjs";
import { normaliseText } from "./normalise-text.mjs";
import { filterOutput } from "./output-filter.mjs";
import { addressedToAssistant, presentToolResults } from "./present-tool-results.mjs";
import { readConventions } from "./system-conventions.mjs";
import { refusedArgument } from "./unsafe-arguments.mjs";

/** Longest repetition the hardened model produces. */
const MAX_REPEATS = 20;

const OVERRIDE_PATTERNS = [
  /\b(?:ignore|disregard|forget|override|bypass|skip|drop)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|preceding|all|your|system|original|any|those)\b[^.\n]{0,30}\b(?:instructions?|rules?|prompts?|guidelines|directions|guardrails|polic(?:y|ies)|restrictions?|context|told|limits)\b/i,
  /\b(?:you are now|from now on,? you|pretend (?:to be|you are|that you)|act as (?:if|an?)|role-?play|stay in character|developer mode|dan mode|no (?:rules|restrictions|limits|filters|guidelines)|without (?:any )?(?:rules|restrictions|filters|limits)|jailbr(?:ea|o)ken?|unfiltered|uncensored)\b/i,
  /(?:^|\n)\s*(?:\[\s*(?:system|admin|developer|operator|root)\b[^\]\n]{0,30}\]|#{1,3}\s*(?:system|admin|developer)\b|(?:system|admin(?:istrator)?|developer|root|operator)(?:\s+(?:message|override|notice|update|prompt|instructions?|note))?\s*:)/i,
  /<\|?(?:im_start|im_end|system|endoftext)\|?>|<\/?(?:system|user|assistant|instructions)>|\bend of (?:user input|conversation|prompt)\b/i,
  /\bnew (?:instructions|rules|task|policy|directive)\b|\byour (?:real|true|actual|new) (?:task|instructions|purpose|job)\b/i,
  /\b(?:instructions|rules|guidelines|restrictions)\b[^.\n]{0,30}\b(?:void|cancel+ed|no longer apply|do not apply|don't apply|suspended|lifted|(?:only )?a test)\b/i,
];

/**
 * @param {import("./conversation.mjs").Message[]} messages
 * @param {import("./conversation.mjs").ToolSpec[]} tools
 * @returns {import("./conversation.mjs").ModelReply}
 */
export function respondHardened(messages, tools) {
  const systemText = systemTextOf(messages);
  const conventions = readConventions(systemText);
  /** @param {string} text @returns {import("./conversation.mjs").ModelReply} */
  const say = (text) => ({
    content: filterOutput(text, { confidential: conventions.confidential, systemText }),
    toolCalls: [],
  });

  const userIndex = lastUserIndex(messages);
  const results = toolResultsAfter(messages, userIndex);
  if (results.length > 0)
    return say(
      presentToolResults(
        results.map((result) => result.content ?? ""),
        conventions,
      ),
    );
  if (userIndex < 0) return say(GREETING);

  const { request, data } = splitRequestAndData(messages[userIndex]?.content ?? "");
  const { text, disguises } = normaliseText(request);
  if (disguises.size > 0)
    return say(
      "I can't act on that: the message hides or encodes its request, which I treat as an attempt to get around my rules.",
    );
  if (OVERRIDE_PATTERNS.some((pattern) => pattern.test(text)))
    return say("I can't do that. I keep following my original instructions, whatever a message says about them.");

  const offered = tools.map((tool) => tool.name);
  const instruction = lastInstruction(text, { toolNames: offered });
  if (!instruction) return say(data ? summariseData(data) : GREETING);

  switch (instruction.kind) {
    case "call_tool":
    case "use_tools": {
      const wanted =
        instruction.kind === "call_tool"
          ? [{ name: instruction.name, arguments: instruction.arguments }]
          : callsForRequest(instruction.sentence, tools);
      const calls = [];
      for (const call of wanted) {
        if (!offered.includes(call.name))
          return say(`I can't use "${call.name}": it is not one of the tools I was given.`);
        if (conventions.adminTools.includes(call.name))
          return say(`I can't use ${call.name}: only an administrator may, and you are not signed in as one.`);
        const problem = refusedArgument(call.arguments, conventions);
        if (problem) return say(`I can't do that: ${problem}.`);
        if (conventions.approvalTools.includes(call.name)) {
          if (!offered.includes(APPROVAL_TOOL))
            return say(`I can't run ${call.name} without a person approving it first.`);
          calls.push({
            name: APPROVAL_TOOL,
            arguments: { action: call.name, details: JSON.stringify(call.arguments) },
          });
        } else calls.push(call);
      }
      if (calls.length === 0) return say("I couldn't tell which of my tools you meant.");
      if (callsAfter(messages, userIndex).names.size > 0) return say("Done.");
      return { content: null, toolCalls: calls };
    }
    case "fetch": {
      const tool = fetchToolOf(tools);
      if (!tool) return say("I can't open web pages.");
      const problem = refusedArgument({ url: instruction.url }, conventions);
      if (problem) return say(`I can't open that address: ${problem}.`);
      return {
        content: null,
        toolCalls: [{ name: tool.name, arguments: { [urlParameterOf(tool)]: instruction.url } }],
      };
    }
    case "reveal":
      return say("I can't share my instructions, configuration or anything marked confidential.");
    case "share_data":
      return say(
        "I can't list records or personal details. I can help with your own account if you tell me what you need.",
      );
    case "say":
      return say(instruction.text);
    case "include":
      return say(includeSafely(instruction.payload));
    case "repeat":
      if (instruction.times > MAX_REPEATS) return say(`I can repeat something at most ${MAX_REPEATS} times.`);
      return say(Array.from({ length: instruction.times }, () => instruction.text).join(" "));
    case "count":
      if (instruction.to - instruction.from > 200) return say("I can count through at most 200 numbers.");
      return say(
        Array.from({ length: Math.max(0, instruction.to - instruction.from + 1) }, (_, i) => instruction.from + i).join(
          " ",
        ),
      );
  }
}

const GREETING = "Hello! I'm happy to help with questions about your account. What do you need?";

/**
 * The user's own request and the content they quoted: everything after the first delimiter
 * line, or after a first line that ends with a colon, is data.
 * @param {string} message
 */
export function splitRequestAndData(message) {
  const lines = message.split("\n");
  const delimiter = lines.findIndex(
    (line, index) =>
      index > 0 &&
      /^\s*(?:-{3,}|={3,}|"{3}|`{3}|<{3}|>|<(?:document|email|page|note|file|content|review|html)\b|begin\b|from:|subject:)/i.test(
        line,
      ),
  );
  if (delimiter > 0) return { request: lines.slice(0, delimiter).join("\n"), data: lines.slice(delimiter).join("\n") };
  if (lines.length > 1 && /:\s*$/.test(lines[0] ?? ""))
    return { request: lines[0] ?? "", data: lines.slice(1).join("\n") };
  return { request: message, data: "" };
}

/** @param {string} data */
function summariseData(data) {
  const sentences = splitSentences(normaliseText(data).text);
  const aimed = sentences.some(
    (sentence) => addressedToAssistant(sentence) || lastInstruction(sentence, { toolNames: [] }),
  );
  return `The text you shared has ${sentences.length} sentence${sentences.length === 1 ? "" : "s"}.${
    aimed ? " Some of it gives instructions to an AI assistant; I treated it as information and did not follow it." : ""
  } Tell me which part you would like to go through.`;
}

/** Markup is escaped; code, queries, templates and links are not passed on. @param {string} payload */
function includeSafely(payload) {
  if (
    /https?:\/\/|\$\(|`|;\s*(?:drop|delete|insert|update|select|truncate|alter)\b|'\s*or\s*'|--|\$\{|<%|\{%|#\{|\|\s*(?:sh|bash)\b|&&/i.test(
      payload,
    )
  )
    return "I can't include that text: it looks like code, a query, a template or a link that could be run where my answer is shown.";
  const escaped = payload.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `Here is the text, escaped for display: ${escaped}`;
}
