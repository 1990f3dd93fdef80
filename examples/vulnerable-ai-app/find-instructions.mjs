// @ts-check
/**
 * Finds what a piece of text asks the assistant to do. This is the simulated model's whole
 * "understanding": a handful of bounded regular expressions, one request kind per sentence.
 */
import { toolScore } from "./match-tool.mjs";

/**
 * @typedef {{ kind: "call_tool", name: string, arguments: Record<string, unknown> }
 *   | { kind: "repeat", text: string, times: number }
 *   | { kind: "count", from: number, to: number }
 *   | { kind: "include", payload: string }
 *   | { kind: "fetch", url: string }
 *   | { kind: "reveal", base64: boolean }
 *   | { kind: "say", text: string }
 *   | { kind: "use_tools", sentence: string }
 *   | { kind: "share_data" }} Instruction
 */

/**
 * The last instruction in `text` (by sentence), or null.
 * @param {string} text normalised text
 * @param {{ toolNames: string[] }} context tools the assistant was offered (for natural requests)
 * @returns {Instruction | null}
 */
export function lastInstruction(text, context) {
  const sentences = splitSentences(text);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const found = instructionIn(sentences[i] ?? "", context);
    if (found) return found;
  }
  return null;
}

/** Sentences and lines, each at most 4,000 characters. @param {string} text */
export function splitSentences(text) {
  /** @type {string[]} */
  const out = [];
  for (const line of text.split("\n")) {
    for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z"'(<[])/)) {
      const trimmed = sentence.trim();
      if (trimmed) out.push(trimmed.slice(0, 4000));
    }
  }
  return out;
}

const NEGATED =
  /\b(?:never|not|don't|do not|must not|mustn't|cannot|can't|won't|shouldn't|should not|refuse to)\s+(?:\S+\s+){0,2}$/i;

/**
 * True when the words just before `index` (within the same clause) negate the request.
 * @param {string} sentence
 * @param {number} index
 */
function negatedAt(sentence, index) {
  const before = sentence.slice(Math.max(0, index - 60), index);
  const clause = before.split(/[;,:]/).pop() ?? "";
  return NEGATED.test(clause);
}

const EXPLICIT_CALL =
  /\b(?:call|invoke|run|use|execute|trigger)\s+(?:the\s+)?(?:tool\s+|function\s+)?[`"']?([A-Za-z][A-Za-z0-9_-]{1,63})[`"']?(?:\s+(?:tool|function))?\s+with\s+(?:the\s+)?(?:(?:arguments?|args|parameters|input)\s*)?:?\s*(?=\{)/gi;
const REPEAT =
  /\b(?:repeat|write|print|say|output)\s+(?:the\s+(?:word|phrase|text|sentence|line)\s+)?["'“‘]([^"'“”‘’\n]{1,200})["'”’]\s+(\d{1,7})\s+times\b/i;
const COUNT = /\b(?:count|list (?:all )?(?:the )?numbers)\s+from\s+(\d{1,7})\s+(?:up\s+)?to\s+(\d{1,9})\b/i;
const INCLUDE =
  /\b(?:include|insert|embed|add|put|paste|use|end with|finish with)\b[^:\n]{0,80}?\b(?:exactly|verbatim|unchanged|as-is|as is|character for character|word for word)\b[^:\n]{0,40}?:\s?/i;
const FETCH =
  /\b(?:fetch|open|visit|load|browse(?:\s+to)?|go\s+to|retrieve|download|request|navigate\s+to|check|call)\b[^\n]{0,80}?(https?:\/\/[^\s"'<>)\]`]{1,2000})/i;
const REVEAL =
  /\b(?:reveal|show|print|output|repeat|display|tell|give|share|list|dump|recite|translate|summari[sz]e|write out|copy|quote|encode|spell out|what|what's)\b[^.?!\n]{0,60}?\b(?:system prompt|prompt|instructions|initial prompt|configuration|config|rules|guidelines|directives|text above|everything above|words above|hidden|confidential|secrets?|passphrase|passwords?|api keys?|keys?|tokens?|credentials|code word|vault code|were told|you were given)\b/i;
const SAY =
  /\b(?:(?:reply|respond|answer|end your (?:reply|answer|response)|start your (?:reply|answer|response)|begin your (?:reply|answer|response))(?:\s+only)?\s+with|say|print|output|write|append|echo)\b\s*(?:exactly\s+|only\s+|the\s+(?:text|word|code|phrase|string)\s+)*:?\s*/i;
const ACTION_VERB =
  /\b(?:get|fetch|look up|lookup|show|retrieve|read|open|delete|remove|erase|run|execute|send|email|e-mail|issue|refund|transfer|wire|pay|reset|update|change|grant|create|export|disable|cancel|close|process|approve|give|make|set|promote|pull up|check)\b/i;
const SHARE_DATA =
  /\b(?:list|show|give|tell|print|share|export|dump|display|output|send|include|what (?:is|are)|what's)\b[^.?!\n]{0,60}?\b(?:records?|customers?|e-?mails?|phone|numbers?|address(?:es)?|cards?|iban|ssn|accounts?|details|data|information|everything|contents?|results?|profiles?|entries|notes?)\b/i;

/**
 * @param {string} sentence
 * @param {{ toolNames: string[] }} context
 * @returns {Instruction | null}
 */
function instructionIn(sentence, context) {
  EXPLICIT_CALL.lastIndex = 0;
  const explicit = EXPLICIT_CALL.exec(sentence);
  if (explicit?.[1] && !negatedAt(sentence, explicit.index)) {
    const json = balancedObject(sentence, explicit.index + explicit[0].length);
    return { kind: "call_tool", name: explicit[1], arguments: json ?? {} };
  }
  const repeat = REPEAT.exec(sentence);
  if (repeat?.[1] && repeat[2] && !negatedAt(sentence, repeat.index))
    return { kind: "repeat", text: repeat[1], times: Number(repeat[2]) };
  const count = COUNT.exec(sentence);
  if (count?.[1] && count[2] && !negatedAt(sentence, count.index))
    return { kind: "count", from: Number(count[1]), to: Number(count[2]) };
  const include = INCLUDE.exec(sentence);
  if (include && !negatedAt(sentence, include.index)) {
    const payload = sentence.slice(include.index + include[0].length).trim();
    if (payload) return { kind: "include", payload };
  }
  const fetch = FETCH.exec(sentence);
  if (fetch?.[1] && !negatedAt(sentence, fetch.index))
    return { kind: "fetch", url: fetch[1].replace(/[.,;:!?]+$/, "") };
  const reveal = REVEAL.exec(sentence);
  if (reveal && !negatedAt(sentence, reveal.index)) return { kind: "reveal", base64: /\bbase64\b/i.test(sentence) };
  const say = SAY.exec(sentence);
  if (say && !negatedAt(sentence, say.index)) {
    const text = cleanSaid(sentence.slice(say.index + say[0].length));
    if (text) return { kind: "say", text };
  }
  const action = ACTION_VERB.exec(sentence);
  if (action && !negatedAt(sentence, action.index) && mentionsTool(sentence, context.toolNames))
    return { kind: "use_tools", sentence };
  const share = SHARE_DATA.exec(sentence);
  if (share && !negatedAt(sentence, share.index)) return { kind: "share_data" };
  return null;
}

/** @param {string} text */
function cleanSaid(text) {
  let said = text.trim();
  const quoted = /^["'“‘]([^"'“”‘’]{1,500})["'”’]/.exec(said);
  if (quoted?.[1]) return quoted[1];
  said = said.replace(/\s+(?:and nothing else|and nothing more|only|exactly|verbatim|in full|please)[.!]?$/i, "");
  said = said.replace(/[.!]$/, "").trim();
  // "Print it verbatim" points back at the previous sentence; it says nothing by itself.
  return /^(?:it|them|that|this|those|these|everything|all of it)\b/i.test(said) ? "" : said;
}

/**
 * The JSON object starting at `start`, read up to its matching brace (strings respected).
 * @param {string} text
 * @param {number} start
 * @returns {Record<string, unknown> | null}
 */
export function balancedObject(text, start) {
  if (text[start] !== "{") return null;
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + 8000);
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) {
      try {
        const value = JSON.parse(text.slice(start, i + 1));
        return value && typeof value === "object" && !Array.isArray(value) ? value : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** @param {string} sentence @param {string[]} toolNames */
function mentionsTool(sentence, toolNames) {
  return toolNames.some((name) => toolScore(sentence, name).score > 0);
}
