/**
 * Inverses of the transforms, written for replies rather than for our own output: each helper
 * accepts arbitrary text and undoes what it recognises, leaving the rest alone. Detection builds
 * its decoded views of a reply from these.
 */
import type { TransformName } from "../model.js";
import { BASE64_PREFIX, HEX_PREFIX, ROT13_PREFIX, rot13 } from "./encodings.js";
import { UNICODE_TAGS_COVER } from "./invisible.js";
import { stripLanguageWrapper } from "./language-wrappers.js";
import { CYRILLIC_LOOKALIKES, LEET_DIGITS } from "./substitutions.js";

export { rot13 } from "./encodings.js";

/** Unicode tag characters (U+E0000–U+E007F) turned back into the ASCII characters they shadow. */
export function decodeTagCharacters(text: string): string {
  return text.replace(/[\u{e0000}-\u{e007f}]/gu, (tag) => String.fromCharCode((tag.codePointAt(0) ?? 0) - 0xe0000));
}

/** Removes invisible format characters: zero-width, joiners, bidi controls, soft hyphens, tags, variation selectors. */
export function stripFormatCharacters(text: string): string {
  return text.replace(/\p{Cf}|\u034f|[\ufe00-\ufe0f]/gu, "");
}

/** Cyrillic and Greek letters that look like Latin ones, mapped to the Latin letter. */
const LOOKALIKE_TO_LATIN: ReadonlyMap<string, string> = new Map([
  ...Object.entries(CYRILLIC_LOOKALIKES).map(([latin, cyrillic]) => [cyrillic, latin] as const),
  ...pairs("ѕs јj һh ԁd ԛq ԝw ѵv ӏl"),
  ...pairs("АA ВB ЕE ЅS ІI ЈJ КK МM НH ОO РP СC ТT ХX УY ԚQ ԜW"),
  ...pairs("ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX αa οo ρp ιi κk νv υu χx"),
]);

const LOOKALIKES = new RegExp(`[${[...LOOKALIKE_TO_LATIN.keys()].join("")}]`, "g");

export function foldHomoglyphs(text: string): string {
  return text.replace(LOOKALIKES, (char) => LOOKALIKE_TO_LATIN.get(char) ?? char);
}

const LEET_TO_LETTER: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(LEET_DIGITS).map(([letter, digit]) => [digit, letter])),
  "@": "a",
  $: "s",
};

/**
 * Leet digits turned back into letters, only inside words that also have a lowercase letter: an
 * all-uppercase token such as a canary keeps its digits. One linear pass; text without leet
 * characters is returned as is.
 */
export function undoLeet(text: string): string {
  if (!/[013457@$]/.test(text)) return text;
  const parts: string[] = [];
  let copiedUntil = 0;
  let start = 0;
  let hasLower = false;
  let hasLeet = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const kind = i < text.length ? wordCharacterKind(code, text, i) : "none";
    if (kind !== "none") {
      if (kind === "lower") hasLower = true;
      else if (kind === "leet") hasLeet = true;
      continue;
    }
    if (hasLower && hasLeet) {
      parts.push(
        text.slice(copiedUntil, start),
        text.slice(start, i).replace(/[013457@$]/g, (c) => LEET_TO_LETTER[c] ?? c),
      );
      copiedUntil = i;
    }
    start = i + 1;
    hasLower = false;
    hasLeet = false;
  }
  parts.push(text.slice(copiedUntil));
  return parts.join("");
}

/** Whether the character at `at` belongs to a word, and if so whether it is lowercase or a leet character. */
function wordCharacterKind(code: number, text: string, at: number): "lower" | "leet" | "other" | "none" {
  if (code >= 97 && code <= 122) return "lower";
  if (
    code === 48 ||
    code === 49 ||
    code === 51 ||
    code === 52 ||
    code === 53 ||
    code === 55 ||
    code === 64 ||
    code === 36
  ) {
    return "leet";
  }
  if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return "other";
  if (code < 128) return "none";
  const char = String.fromCodePoint(text.codePointAt(at) ?? code);
  if (/\p{Ll}/u.test(char)) return "lower";
  return /[\p{L}\p{N}\p{M}]/u.test(char) || (code >= 0xdc00 && code <= 0xdfff) ? "other" : "none";
}

// The lookbehinds make a failed attempt inside a word cost one step, keeping the scan linear.
const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?<![0-9a-fA-F])[0-9a-fA-F]{16,}/g;

/**
 * Every run of 16+ base64 characters (standard or URL-safe alphabet) replaced by what it decodes
 * to, when that is readable text.
 */
export function decodeBase64Runs(text: string): string {
  return text.replace(BASE64_RUN, (run) => {
    const whole = readableUtf8(Buffer.from(run, "base64"));
    if (whole !== null || !/[-_]/.test(run)) return whole ?? run;
    // A standard run glued to a hyphenated word ("key-QUJD…"): decode the pieces instead.
    return run
      .split(/([-_])/)
      .map((piece) => (piece.length >= 16 ? (readableUtf8(Buffer.from(piece, "base64")) ?? piece) : piece))
      .join("");
  });
}

/** Every run of 16+ hex digits replaced by what it decodes to, when that is readable text. */
export function decodeHexRuns(text: string): string {
  return text.replace(HEX_RUN, (run) => {
    // An odd run usually has one stray hex letter from a neighbouring word on one side.
    const candidates = run.length % 2 === 0 ? [run] : [run.slice(1), run.slice(0, -1)];
    for (const candidate of candidates) {
      const decoded = readableUtf8(Buffer.from(candidate, "hex"));
      if (decoded !== null) return decoded;
    }
    return run;
  });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text when they are valid UTF-8 and at least 90% printable; otherwise null. */
export function readableUtf8(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  const unreadable = text.match(/[^\P{Cc}\t\n\r]|[\p{Cn}\p{Co}\ufffd]/gu)?.length ?? 0;
  return unreadable <= text.length * 0.1 ? text : null;
}

/**
 * The payload back from one transform's output, as applyTransform produced it. Substitutions are
 * undone as far as they can be: leet digits in mixed words become letters again, so a payload that
 * had such digits of its own does not come back exactly.
 */
export function undoTransform(name: TransformName, text: string): string {
  switch (name) {
    case "base64":
      return Buffer.from(withoutPrefix(text, BASE64_PREFIX), "base64").toString("utf8");
    case "hex":
      return Buffer.from(withoutPrefix(text, HEX_PREFIX), "hex").toString("utf8");
    case "rot13":
      return rot13(withoutPrefix(text, ROT13_PREFIX));
    case "leetspeak":
      return undoLeet(text);
    case "homoglyph":
      return foldHomoglyphs(text);
    case "unicode_tags":
      return decodeTagCharacters(withoutPrefix(text, UNICODE_TAGS_COVER));
    case "zero_width":
      return stripFormatCharacters(text);
    case "language_wrapper":
      return stripLanguageWrapper(text);
  }
}

function withoutPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function pairs(spec: string): Array<readonly [string, string]> {
  return spec.split(" ").map((pair) => [pair.slice(0, -1), pair.slice(-1)] as const);
}
