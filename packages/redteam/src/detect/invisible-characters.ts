/**
 * Characters a reader does not see but a model reads: Unicode tag characters (U+E0000–U+E007F, which
 * spell ASCII invisibly), zero-width characters and bidirectional controls (which reorder what is
 * shown). One pass over the UTF-16 units, so the cost is linear in the text. Uses that ordinary
 * text has for them are left out: the tag sequences of subdivision flag emoji (🏴 followed by tags
 * and ended by U+E007F), and a zero-width joiner or non-joiner after a non-Latin character (emoji
 * sequences, Arabic and Indic scripts need them).
 */

export type InvisibleCharacterKind = "tag" | "zero_width" | "bidi_control";

/** A run of consecutive invisible characters of one kind. */
export interface InvisibleRun {
  kind: InvisibleCharacterKind;
  /** UTF-16 index of the first character of the run. */
  start: number;
  /** UTF-16 index just after the run. */
  end: number;
  /** Characters (code points) in the run. */
  count: number;
  /** For tag runs: the ASCII text the tags spell. */
  decoded?: string;
}

/** Most runs reported for one text; a text with more is still reported, with its first runs. */
export const MAX_INVISIBLE_RUNS = 100;

const WAVING_BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

function zeroWidth(code: number): boolean {
  return (
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff ||
    code === 0x180e
  );
}

/** Embedding, override and isolate controls (the "Trojan Source" characters); LRM and RLM are ordinary in right-to-left text. */
function bidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * Length in UTF-16 units of the emoji tag sequence starting at `at` (tags spelling a subdivision
 * such as "gbsct": 1–7 lowercase letters or digits, then the cancel tag), or 0 when there is none.
 */
function flagTagSequence(text: string, at: number): number {
  for (let count = 0, i = at; count <= 7; count++, i += 2) {
    const code = text.codePointAt(i) ?? 0;
    if (code === CANCEL_TAG) return count > 0 ? i + 2 - at : 0;
    const ascii = code - 0xe0000;
    if (!((ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x61 && ascii <= 0x7a))) return 0;
  }
  return 0;
}

/** Runs of invisible characters in `text`, in order of position; at most MAX_INVISIBLE_RUNS. */
export function findInvisibleCharacters(text: string): InvisibleRun[] {
  const runs: InvisibleRun[] = [];
  let current: InvisibleRun | null = null;
  let previous = 0;
  for (let i = 0; i < text.length && runs.length < MAX_INVISIBLE_RUNS; ) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (previous === WAVING_BLACK_FLAG && code >= 0xe0000 && code <= 0xe007f) {
      const skip = flagTagSequence(text, i);
      if (skip > 0) {
        if (current !== null) runs.push(current);
        current = null;
        previous = CANCEL_TAG;
        i += skip;
        continue;
      }
    }
    const kind = kindOf(code, previous, i);
    if (kind === null) {
      if (current !== null) runs.push(current);
      current = null;
    } else {
      if (current === null || current.kind !== kind) {
        if (current !== null) runs.push(current);
        current = { kind, start: i, end: i, count: 0 };
      }
      current.end = i + width;
      current.count++;
      if (kind === "tag") current.decoded = (current.decoded ?? "") + String.fromCharCode(code - 0xe0000);
    }
    previous = code;
    i += width;
  }
  if (current !== null && runs.length < MAX_INVISIBLE_RUNS) runs.push(current);
  return runs;
}

function kindOf(code: number, previous: number, index: number): InvisibleCharacterKind | null {
  if (code >= 0xe0000 && code <= 0xe007f) return "tag";
  if (bidiControl(code)) return "bidi_control";
  if (!zeroWidth(code)) return null;
  if ((code === 0x200c || code === 0x200d) && previous > 0xff && !zeroWidth(previous)) return null;
  // A byte order mark opening the text is an encoding artefact, not a hidden character.
  return code === 0xfeff && index === 0 ? null : "zero_width";
}
