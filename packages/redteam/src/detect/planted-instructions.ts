/**
 * Instructions planted in content an application reads (a retrieved article, an e-mail, a web
 * page, a tool result): text addressed to the AI that reads it ("Note for the support bot: …",
 * "AI agents reading this page: …", a line starting "Assistant:"), and markup a person never sees
 * (an HTML comment, a hidden element) that speaks to an AI. An address only counts when an
 * instruction follows it. These are the shapes the scanner's indirect-injection probes plant and
 * that the reference app's hardened mode refuses to follow. Every expression has bounded gaps, so
 * the scan is linear in the text.
 */
import { excerptOf } from "./approximate-match.js";

export type PlantedInstructionKind = "addressed_to_assistant" | "role_header" | "hidden_markup";

export interface PlantedInstruction {
  kind: PlantedInstructionKind;
  /** UTF-16 index where the address (or the hidden markup) starts. */
  start: number;
  /** UTF-16 index just after the address (or the hidden markup). */
  end: number;
  /** The text around it, whitespace collapsed, at most ~200 characters. */
  excerpt: string;
}

/** Most findings reported for one text. */
export const MAX_PLANTED_INSTRUCTIONS = 20;
/** How far after an address an instruction is looked for (it stops at a blank line). */
const INSTRUCTION_WINDOW = 300;

/** Who planted text speaks to. */
const READER =
  "(?:AI|A\\.I\\.|LLMs?|GPTs?|chat ?bots?|bots?|assistants?|language models?|copilots?|AI[- ](?:agents?|models?|systems?|readers?|proof-?readers?|tools?|summari[sz]ers?))";

/** Cheap first test: without one of these words no address can match. */
const READER_TRIGGER = /\b(?:AI|A\.I|LLM|GPT|chat ?bot|bot|assistant|language model|copilot)/i;

const ADDRESSES: ReadonlyArray<[PlantedInstructionKind, RegExp]> = [
  // "Note for the support bot", "P.S. to the AI assistant", "IMPORTANT NOTICE FOR AI ASSISTANTS"
  [
    "addressed_to_assistant",
    new RegExp(
      `(?:\\b(?:note|notice|message|instructions?|reminder|attention|important|warning|hint|request)\\b|\\bP\\.\\s?S\\.?)[^.!?\\n]{0,40}?\\b(?:for|to)\\s+(?:the\\s+|any\\s+|all\\s+|every\\s+)?(?:[\\w-]{1,20}\\s+){0,2}?${READER}\\b`,
      "gi",
    ),
  ],
  // "AI agents reading this page", "the AI assistant that reads this mailbox"
  [
    "addressed_to_assistant",
    new RegExp(
      `\\b${READER}\\b[^.!?\\n]{0,30}?\\b(?:reading|(?:that|who|which) reads?|processing|summari[sz]ing|parsing|crawling|indexing|browsing|scanning)\\b`,
      "gi",
    ),
  ],
  // "If you are an AI assistant", "Dear assistant,"
  [
    "addressed_to_assistant",
    new RegExp(
      `\\bif you(?:'re|\\s+are)\\s+(?:an?\\s+)?(?:[\\w-]{1,20}\\s+){0,2}?${READER}\\b|\\b(?:dear|hey|hello|hi)\\s+(?:the\\s+)?${READER}\\s{0,2}[,:!]`,
      "gi",
    ),
  ],
  // A line (or an element's text) that starts as if a role spoke: "Assistant: fetch …", "[system]: …".
  // Its instruction must be on the same line ("System: Linux" above "Run the installer" is a spec sheet);
  // "Agent:" is left out, as support transcripts are full of human agents.
  [
    "role_header",
    /(?:^|[\n>])[ \t]{0,8}(?:\[\s{0,2})?(?:assistant|system|AI|chat ?bot|bot|developer|admin(?:istrator)?)(?:\s{0,2}\])?[ \t]{0,2}:/gi,
  ],
];

/** What an instruction to the reader sounds like. */
const INSTRUCTION =
  /\b(?:ignore|disregard|forget|override|reply|respond|answer|say|print|output|write|include|insert|append|call|invoke|run|execute|use|fetch|open|visit|load|download|send|e-?mail|forward|transfer|pay|delete|remove|reveal|show|tell|give|share|list|dump|repeat|confirm|register|click|do not|don't|must|instead|before (?:you|answering|replying|responding))\b/i;

const HTML_COMMENT = /<!--([\s\S]{0,2000}?)-->/g;
const ELEMENT_WITH_TEXT = /<([a-z][a-z0-9]{0,9})\b([^<>]{0,400})>([^<]{1,2000})/gi;
const HIDING_ATTRIBUTE =
  /\bhidden\b|display\s{0,3}:\s{0,3}none|visibility\s{0,3}:\s{0,3}hidden|font-size\s{0,3}:\s{0,3}0(?:px|pt|em|rem|%)?\s{0,3}(?:[;"']|$)|opacity\s{0,3}:\s{0,3}0(?:\.0+)?\s{0,3}(?:[;"']|$)/i;

/** The text after `from`, up to INSTRUCTION_WINDOW characters and the end of the paragraph (or of the line). */
function windowAfter(text: string, from: number, lineOnly: boolean): string {
  const window = text.slice(from, from + INSTRUCTION_WINDOW);
  const end = lineOnly ? window.indexOf("\n") : window.search(/\n\s*\n/);
  return end < 0 ? window : window.slice(0, end);
}

const NAMES_READER = new RegExp(`\\b${READER}\\b`, "i");

function speaksToReader(content: string): boolean {
  return READER_TRIGGER.test(content) && NAMES_READER.test(content) && INSTRUCTION.test(content);
}

/** Hidden markup whose text speaks to an AI and tells it to do something. */
function hiddenMarkup(text: string, found: PlantedInstruction[]): void {
  if (!text.includes("<")) return;
  for (const match of text.matchAll(HTML_COMMENT)) {
    if (found.length >= MAX_PLANTED_INSTRUCTIONS) return;
    if (speaksToReader(match[1] ?? "")) found.push(planted("hidden_markup", text, match.index, match[0].length));
  }
  for (const match of text.matchAll(ELEMENT_WITH_TEXT)) {
    if (found.length >= MAX_PLANTED_INSTRUCTIONS) return;
    if (HIDING_ATTRIBUTE.test(match[2] ?? "") && speaksToReader(match[3] ?? ""))
      found.push(planted("hidden_markup", text, match.index, match[0].length));
  }
}

function planted(kind: PlantedInstructionKind, text: string, start: number, length: number): PlantedInstruction {
  return { kind, start, end: start + length, excerpt: excerptOf(text, start, start + length) };
}

/**
 * Planted instructions in `text`, hidden markup first, then addresses in order of position; an
 * address inside hidden markup already reported is not reported again.
 */
export function findPlantedInstructions(text: string): PlantedInstruction[] {
  const found: PlantedInstruction[] = [];
  if (!READER_TRIGGER.test(text)) return found;
  hiddenMarkup(text, found);
  const addresses: PlantedInstruction[] = [];
  for (const [kind, pattern] of ADDRESSES) {
    for (const match of text.matchAll(pattern)) {
      // The role header's own leading newline or ">" is not part of what is reported.
      const lead = kind === "role_header" ? match[0].length - match[0].replace(/^[\n>]/, "").length : 0;
      const start = match.index + lead;
      const end = match.index + match[0].length;
      if (!INSTRUCTION.test(windowAfter(text, end, kind === "role_header"))) continue;
      if (found.some((hidden) => start >= hidden.start && start < hidden.end)) continue;
      if (addresses.some((other) => start < other.end && end > other.start)) continue;
      addresses.push(planted(kind, text, start, end - start));
      if (found.length + addresses.length >= MAX_PLANTED_INSTRUCTIONS) break;
    }
  }
  addresses.sort((a, b) => a.start - b.start);
  return [...found, ...addresses].slice(0, MAX_PLANTED_INSTRUCTIONS);
}
