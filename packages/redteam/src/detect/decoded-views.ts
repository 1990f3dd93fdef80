/**
 * Candidate readings of a reply, so a detector still finds a token the model handed back
 * encoded, obfuscated or hidden. Views are additive: the raw text is always one of them.
 */
import {
  decodeBase64Runs,
  decodeHexRuns,
  decodeTagCharacters,
  foldHomoglyphs,
  rot13,
  stripFormatCharacters,
  undoLeet,
} from "../transforms/index.js";

/**
 * Replies can be as large as the reply cap (1 MiB). Only the raw view covers the whole text; the
 * decoded views cover this many leading characters, which keeps the work linear and small.
 */
export const DECODED_VIEW_LIMIT = 256 * 1024;

/**
 * Distinct readings of `text`: raw; NFKC; format characters removed; tag characters decoded;
 * homoglyphs folded; leet undone; ROT13; base64 runs decoded; hex runs decoded (decoded text is
 * normalised and folded again). 100 KiB of prose takes a few milliseconds (see the test).
 */
export function decodedViews(text: string): string[] {
  const head = leading(text, DECODED_VIEW_LIMIT);
  const nfkc = head.normalize("NFKC");
  const withoutFormat = stripFormatCharacters(nfkc);
  const tagsDecoded = decodeTagCharacters(nfkc);
  const folded = normalise(nfkc);
  const views = [
    text,
    nfkc,
    withoutFormat,
    tagsDecoded,
    folded,
    undoLeet(folded),
    rot13(folded),
    normalise(decodeBase64Runs(folded)),
    normalise(decodeHexRuns(folded)),
  ];
  return [...new Set(views)];
}

/** Tag characters decoded, other format characters dropped, compatibility forms and homoglyphs folded. */
function normalise(text: string): string {
  return foldHomoglyphs(stripFormatCharacters(decodeTagCharacters(text.normalize("NFKC"))));
}

/** The first `limit` UTF-16 units, without cutting a surrogate pair in half. */
function leading(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
