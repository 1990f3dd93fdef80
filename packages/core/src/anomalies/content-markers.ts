/**
 * Markers in captured prompt and completion text that anomaly detection counts: prompt-injection and
 * jailbreak markers in inputs, data-exfiltration patterns in outputs. Deterministic and cheap: the
 * intake runs them on every span with text, so each reader first checks a short list of trigger words
 * or characters and runs the detailed expressions only when one is present. Every expression has
 * bounded gaps, so scanning is linear in the text. Only the first MARKER_SCAN_LIMIT characters are read.
 */
import { findPatterns, type PatternPackName } from "@openaims/redteam/detect";

/** What kind of input marker was found. */
export type InputMarkerKind =
  | "instruction_override"
  | "role_play_jailbreak"
  | "system_prompt_extraction"
  | "delimiter_smuggling"
  | "invisible_unicode"
  | "encoded_payload";

/** What kind of output marker was found. */
export type OutputMarkerKind =
  | "secret"
  | "personal_data"
  | "markdown_image_with_data"
  | "markdown_link_with_data"
  | "encoded_blob"
  | "collection_endpoint";

/** A marker found in a prompt or completion: which kind, and a short description of what matched. */
export interface MarkerHit {
  kind: InputMarkerKind | OutputMarkerKind;
  detail: string;
}

/** Characters of a text the markers read; the rest is not scanned. */
export const MARKER_SCAN_LIMIT = 32 * 1024;

const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// ---------------------------------------------------------------------------------------------------
// Inputs

/**
 * Textual injection markers: each expression runs only when all its trigger words are present (plain
 * alternations that scan many times faster than the expressions with their word boundaries and gaps).
 */
const TEXT_INJECTION: ReadonlyArray<[InputMarkerKind, RegExp[], RegExp]> = [
  [
    "instruction_override",
    [/ignore|disregard|forget|overrid|bypass|skip/i],
    /\b(?:ignore|disregard|forget|override|bypass|skip)\b.{0,40}?\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system|original|safety)\b.{0,30}?\b(?:instructions?|rules|prompts?|guidelines|directives|guardrails|constraints|policies)\b/i,
  ],
  [
    "instruction_override",
    [/from now on|new rules?:|new instructions?:|updated instructions?:/i],
    /\b(?:from now on|new rules?:|new instructions?:|updated instructions?:)\s{0,5}(?:you\s+(?:will|must|are|shall)|ignore|always|never)\b/i,
  ],
  [
    "role_play_jailbreak",
    [/DAN|do anything now|developer mode|jailbreak|god mode|STAN|AIM mode/],
    /\b(?:DAN|do anything now|developer mode|jailbreak(?:ed|ing)?|god mode|STAN|AIM mode)\b/,
  ],
  [
    "role_play_jailbreak",
    [/pretend|act|behave|role-?play|imagine/i, /restriction|filter|rules|limit|guideline|ethic|censor/i],
    /\b(?:pretend|act|behave|role-?play|imagine)\b.{0,40}?\b(?:as|to be|you are|you're)\b.{0,60}?\b(?:no|without|free of|free from|not bound by)\s+(?:any\s+)?(?:restrictions|filters|rules|limits|limitations|guidelines|ethics|censorship)\b/i,
  ],
  [
    "role_play_jailbreak",
    [/unfiltered|uncensored|unrestricted|unaligned|amoral|evil/i],
    /\byou are (?:now )?(?:an? )?(?:unfiltered|uncensored|unrestricted|unaligned|amoral|evil)\b/i,
  ],
  [
    "role_play_jailbreak",
    [/stay in character/i],
    /\bstay in character\b.{0,80}?\b(?:no matter what|whatever|even if|never break|never refuse)\b/i,
  ],
  [
    "system_prompt_extraction",
    [
      /system prompt|system message|hidden|initial|original|developer|instructions you/i,
      /reveal|print|show|repeat|output|display|dump|leak|tell me|what/i,
    ],
    /\b(?:reveal|print|show|repeat|output|display|dump|leak|tell me|what (?:is|are|were))\b.{0,40}?\b(?:your|the)\s+(?:system prompt|system message|hidden (?:instructions|prompt)|initial (?:instructions|prompt)|original (?:instructions|prompt)|developer (?:message|instructions)|instructions you were given)\b/i,
  ],
  [
    "system_prompt_extraction",
    [/above|before this/i, /repeat|verbatim|word for word|print|output/i],
    /\brepeat (?:the|all)? ?(?:words|text|everything) above\b|\b(?:everything|all text) (?:above|before) this (?:line|message)\b.{0,40}?\b(?:verbatim|word for word|repeat|print|output)\b/i,
  ],
];

/** Chat-template and role markup that a user's text has no reason to contain. */
const DELIMITER_SMUGGLING =
  /<\|(?:im_start|im_end|system|endoftext|start_header_id|end_header_id|eot_id)\|>|\[\/?INST\]|<<\/?SYS>>|^\s{0,3}#{2,4}\s?(?:system|instruction)s?\s?:|<\/?(?:system|system_prompt|instructions)>|```(?:system|instructions)\b/im;

const FORMAT_TRIGGER = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/;
/** Unicode tag characters (U+E0000–U+E007F), which spell ASCII invisibly. */
const TAG_RUN = /(?:\uDB40[\uDC00-\uDC7F]){4,}/g;
/** Three or more zero-width or bidirectional control characters in a row. */
const INVISIBLE_RUN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]{3,}/;

/** Shortest runs read as possibly encoded instructions: base64 (standard or URL-safe) and hex. */
const MIN_BASE64_INSTRUCTION = 24;
const MIN_HEX_INSTRUCTION = 32;
/** ROT13 of a few words an encoded injection carries: ignore, disregard, instructions, system prompt, jailbreak, previous. */
const ROT13_TRIGGER = /\b(?:vtaber|qvfertneq|vafgehpgvbaf?|flfgrz cebzcg|wnvyoernx|cerivbhf)\b/i;
/** The most characters of one encoded run that are decoded. */
const DECODE_LIMIT = 4096;

function textInjection(text: string, found: MarkerHit[], prefix = ""): void {
  const seen = new Set<string>();
  for (const [kind, triggers, pattern] of TEXT_INJECTION) {
    if (seen.has(kind) || !triggers.every((trigger) => trigger.test(text))) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    seen.add(kind);
    found.push({ kind: prefix ? "encoded_payload" : kind, detail: clip(`${prefix}${kind}: ${match[0]}`) });
  }
}

/** A decoded run, when it reads as text (mostly printable ASCII); null otherwise. */
function readableText(bytes: string): string | null {
  if (bytes.length < 12) return null;
  let printable = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if ((code >= 32 && code < 127) || code === 9 || code === 10 || code === 13) printable++;
  }
  return printable / bytes.length >= 0.9 ? bytes : null;
}

function decodeBase64(run: string): string | null {
  const standard = run.slice(0, DECODE_LIMIT).replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  const usable = standard.slice(0, standard.length - (standard.length % 4 === 1 ? 1 : 0));
  try {
    return readableText(atob(usable + "=".repeat((4 - (usable.length % 4)) % 4)));
  } catch {
    return null;
  }
}

function decodeHex(run: string): string | null {
  const head = run.slice(0, DECODE_LIMIT);
  let out = "";
  for (let i = 0; i + 1 < head.length; i += 2) out += String.fromCharCode(Number.parseInt(head.slice(i, i + 2), 16));
  return readableText(out);
}

function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function decodeTags(run: string): string {
  let out = "";
  for (let i = 0; i + 1 < run.length; i += 2) out += String.fromCharCode(run.charCodeAt(i + 1) - 0xdc00);
  return out;
}

/** A run of base64 or hex characters in a text. */
interface EncodedRun {
  text: string;
  /** Only hexadecimal digits (and an even count of them). */
  hex: boolean;
  /** Mixes cases or holds digits or + / - _: what an encoding looks like, unlike a long word. */
  mixed: boolean;
}

/** 1 for the characters of base64 (standard and URL-safe): A–Z, a–z, 0–9, + / - _. */
const BASE64_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) BASE64_CHAR[c] = /[A-Za-z0-9+/_-]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Runs of base64 characters (then up to two '=') of at least `minLength` characters, in one pass over
 * the text with a lookup table: regular expressions for this retry every start inside each word, or
 * test a look-behind at every character, and cost several times more on ordinary prose.
 */
function encodedRuns(text: string, minLength: number): EncodedRun[] {
  const runs: EncodedRun[] = [];
  const n = text.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    if (c < 128 && BASE64_CHAR[c] === 1) continue;
    if (i - start >= minLength) {
      const body = text.slice(start, i);
      let end = i;
      while (end < n && end - i < 2 && text.charCodeAt(end) === 61) end++;
      runs.push({
        text: text.slice(start, end),
        hex: body.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(body),
        mixed: /[0-9+/_-]/.test(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body)),
      });
    }
    start = i + 1;
  }
  return runs;
}

function encodedInjection(text: string, found: MarkerHit[]): void {
  for (const run of encodedRuns(text, MIN_BASE64_INSTRUCTION)) {
    if (!run.mixed) continue;
    const decoded = run.hex && run.text.length >= MIN_HEX_INSTRUCTION ? decodeHex(run.text) : decodeBase64(run.text);
    if (decoded) textInjection(decoded, found, run.hex ? "hex " : "base64 ");
    if (found.length > 0) return;
  }
  if (ROT13_TRIGGER.test(text)) textInjection(rot13(text), found, "rot13 ");
}

/**
 * Prompt-injection and jailbreak markers in a captured input: instruction overrides, role-play
 * jailbreaks, system-prompt extraction, chat-template markup smuggled into user text, invisible
 * Unicode (tag characters, runs of zero-width or bidirectional controls), and instructions hidden in
 * base64, hex or ROT13. At most one hit per kind.
 */
export function inputMarkers(input: string): MarkerHit[] {
  const text = input.length > MARKER_SCAN_LIMIT ? input.slice(0, MARKER_SCAN_LIMIT) : input;
  const found: MarkerHit[] = [];
  textInjection(text, found);
  const delimiter = DELIMITER_SMUGGLING.exec(text);
  if (delimiter) found.push({ kind: "delimiter_smuggling", detail: clip(delimiter[0].trim()) });
  if (FORMAT_TRIGGER.test(text)) {
    const tags = text.match(TAG_RUN);
    if (tags)
      found.push({ kind: "invisible_unicode", detail: clip(`tag characters spelling: ${decodeTags(tags[0])}`) });
    else if (INVISIBLE_RUN.test(text))
      found.push({ kind: "invisible_unicode", detail: "run of zero-width or bidirectional control characters" });
  }
  const encoded: MarkerHit[] = [];
  encodedInjection(text, encoded);
  if (encoded[0]) found.push(encoded[0]);
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Outputs

/**
 * Hosts that collect whatever is sent to them (request bins, tunnels, out-of-band interaction
 * catchers): a reply linking to one is how injected instructions smuggle data out.
 */
const COLLECTION_HOSTS =
  /\bhttps?:\/\/(?:[a-z0-9-]{1,63}\.){0,6}(?:webhook\.site|requestbin\.(?:com|net)|pipedream\.net|m\.pipedream\.net|ngrok\.io|ngrok-free\.app|ngrok\.app|burpcollaborator\.net|oastify\.com|interact\.sh|oast\.(?:fun|live|me|online|pro|site)|beeceptor\.com|hookbin\.com|requestcatcher\.com|postb\.in|canarytokens\.(?:com|org)|dnslog\.cn|ceye\.io|trycloudflare\.com|localtunnel\.me|loca\.lt|serveo\.net)\b[^\s)"'<>]*/i;

const MARKDOWN_IMAGE = /!\[[^\]\n]{0,200}\]\(\s{0,3}<?(https?:\/\/[^\s)>]{1,2048})/g;
const MARKDOWN_LINK = /(?<!!)\[[^\]\n]{0,200}\]\(\s{0,3}<?(https?:\/\/[^\s)>]{1,2048})/g;
const HTML_IMAGE = /<img\b[^>]{0,200}?\bsrc\s{0,3}=\s{0,3}["']?(https?:\/\/[^\s"'>]{1,2048})/gi;
/** Encoded runs this long in a reply are blobs: base64 from 200 characters, hex from 256. */
const MIN_BASE64_BLOB = 200;
const MIN_HEX_BLOB = 256;
/** Without one of these, no credential pattern of the red-team engine can match. */
const CREDENTIAL_TRIGGER =
  /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|xox[abp]-|sk-|PRIVATE KEY|eyJ|passw|pwd|secret|api[_-]?key|token/i;
/** Without an '@' or six digits in a row (spaces, dots, dashes and brackets between), no personal-data pattern can match. */
const PERSONAL_TRIGGER = /@|\d[\d ().-]{4,}\d/;

/** The longest value carried in a URL's query string or fragment. */
function longestCarriedValue(url: string): string {
  const start = url.search(/[?#]/);
  if (start < 0) return "";
  let longest = "";
  for (const part of url.slice(start + 1).split(/[&#;]/)) {
    const value = part.slice(part.indexOf("=") + 1);
    if (value.length > longest.length) longest = value;
  }
  return longest;
}

function urlsWithData(text: string, pattern: RegExp, minValue: number): string | null {
  for (const match of text.matchAll(pattern)) {
    const url = match[1] ?? "";
    if (longestCarriedValue(url).length >= minValue) return url;
  }
  return null;
}

/**
 * Data-exfiltration patterns in a captured output: secrets and personal data (the red-team engine's
 * credential and personal-data patterns, confirmed by their checks), markdown or HTML images whose
 * address carries data in its query string (fetched by the client without a click), markdown links
 * carrying long values, long base64 or hex blobs, and links to data-collection hosts. The detail
 * names what was found, never the value. Given the span's input, a secret or personal datum the
 * caller sent in it is not counted: echoing the caller's own data is not a leak.
 */
export function outputMarkers(output: string, options: { input?: string | null } = {}): MarkerHit[] {
  const text = output.length > MARKER_SCAN_LIMIT ? output.slice(0, MARKER_SCAN_LIMIT) : output;
  const found: MarkerHit[] = [];
  const packs: PatternPackName[] = [];
  if (CREDENTIAL_TRIGGER.test(text)) packs.push("credentials");
  if (PERSONAL_TRIGGER.test(text)) packs.push("pii");
  const exclude = options.input ? [options.input.slice(0, MARKER_SCAN_LIMIT)] : [];
  const patterns = packs.length > 0 ? findPatterns(text, packs, { exclude }) : [];
  const secret = patterns.find((match) => match.pack === "credentials");
  if (secret) found.push({ kind: "secret", detail: secret.label });
  const personal = patterns.filter((match) => match.pack === "pii");
  if (personal.length > 0)
    found.push({
      kind: "personal_data",
      detail: [...new Set(personal.map((match) => match.label))].join(", "),
    });
  if (text.includes("http")) {
    const image = urlsWithData(text, MARKDOWN_IMAGE, 16) ?? urlsWithData(text, HTML_IMAGE, 16);
    if (image) found.push({ kind: "markdown_image_with_data", detail: clip(`image address ${image}`) });
    const link = urlsWithData(text, MARKDOWN_LINK, 48);
    if (link) found.push({ kind: "markdown_link_with_data", detail: clip(`link address ${link}`) });
    const endpoint = COLLECTION_HOSTS.exec(text);
    if (endpoint) found.push({ kind: "collection_endpoint", detail: clip(endpoint[0]) });
  }
  const blob = encodedRuns(text, MIN_BASE64_BLOB).find((run) => !run.hex || run.text.length >= MIN_HEX_BLOB);
  if (blob) found.push({ kind: "encoded_blob", detail: `encoded run of ${blob.text.length} characters` });
  return found;
}
