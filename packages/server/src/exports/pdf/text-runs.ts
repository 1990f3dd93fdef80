import bidiFactory from "bidi-js";
import { type FontWeight, faceFor, type LoadedFace } from "./font-catalogue.js";

/** A piece of one line drawn with one face, its text in the order the PDF library lays it out. */
export interface TextRun {
  face: LoadedFace;
  text: string;
  /** Width in points at the size it was measured for. */
  width: number;
  /**
   * Right-to-left text, in logical order: it must be laid out as one piece, since the shaping
   * engine joins the letters and reverses the glyphs of the whole run, spaces included.
   */
  rtl?: boolean;
}

let bidi: ReturnType<typeof bidiFactory> | undefined;
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
// Spaces, punctuation and digits stay in the face of the text around them when it has the glyph,
// so an Arabic or Chinese phrase is one run rather than words split by Latin spaces.
const NEUTRAL = /[\s\p{P}\p{S}\p{N}]/u;

/** The face for each code point of `text`, neutral characters joining the face before them. */
function facesOf(text: string, weight: FontWeight): { char: string; face: LoadedFace }[] {
  const out: { char: string; face: LoadedFace }[] = [];
  let previous: LoadedFace | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const face =
      previous && NEUTRAL.test(char) && previous.font.hasGlyphForCodePoint(codePoint)
        ? previous
        : faceFor(codePoint, weight);
    out.push({ char, face });
    previous = face;
  }
  return out;
}

const advanceCache = new Map<string, Map<string, number>>();

/** Advance width of `text` in one face, in font units per em, remembered per process. */
function advanceOf(face: LoadedFace, text: string): number {
  let cache = advanceCache.get(face.key);
  if (!cache) {
    cache = new Map();
    advanceCache.set(face.key, cache);
  }
  let advance = cache.get(text);
  if (advance === undefined) {
    advance = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    if (cache.size > 50_000) cache.clear();
    cache.set(text, advance);
  }
  return advance;
}

function group(pieces: { char: string; face: LoadedFace; rtl?: boolean }[]) {
  const runs: { face: LoadedFace; chars: string[]; rtl: boolean }[] = [];
  for (const piece of pieces) {
    const last = runs.at(-1);
    const rtl = piece.rtl ?? false;
    if (last && last.face === piece.face && last.rtl === rtl) last.chars.push(piece.char);
    else runs.push({ face: piece.face, chars: [piece.char], rtl });
  }
  return runs;
}

/**
 * The base direction of a paragraph, from its first letter (as the bidirectional algorithm
 * decides it): every line wrapped from one paragraph is laid out and aligned the same way.
 */
export function paragraphDirection(text: string): "ltr" | "rtl" {
  const first = /\p{L}/u.exec(text)?.[0];
  return first && RIGHT_TO_LEFT.test(first) ? "rtl" : "ltr";
}

/** Width of `text` in points at `size`, each character in the face that draws it. */
export function measureText(text: string, weight: FontWeight, size: number): number {
  let width = 0;
  for (const run of group(facesOf(text, weight))) width += advanceOf(run.face, run.chars.join("")) * size;
  return width;
}

/**
 * One line of text as runs in visual order, left to right. Right-to-left text (Arabic, Hebrew) is
 * reordered by the Unicode bidirectional algorithm, with mirrored brackets; each right-to-left run
 * keeps its characters in logical order for the shaping engine, which reverses its glyphs. `rtl` is true when the
 * line's base direction is right to left, so the caller can align it to the right; `direction`
 * sets it for a line wrapped from a longer paragraph (see `paragraphDirection`).
 */
export function lineRuns(
  line: string,
  weight: FontWeight,
  size: number,
  direction: "ltr" | "rtl" | "auto" = "auto",
): { runs: TextRun[]; rtl: boolean } {
  const measured = (face: LoadedFace, text: string): TextRun => ({ face, text, width: advanceOf(face, text) * size });
  if (!RIGHT_TO_LEFT.test(line)) {
    const runs = group(facesOf(line, weight)).map((run) => measured(run.face, run.chars.join("")));
    return { runs, rtl: direction === "rtl" };
  }
  bidi ??= bidiFactory();
  const levels = bidi.getEmbeddingLevels(line, direction);
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const logical = facesOf(line, weight);
  // bidi-js counts UTF-16 code units; map each unit to the code point that starts there.
  const byUnit: number[] = [];
  logical.forEach((piece, index) => {
    for (let i = 0; i < piece.char.length; i++) byUnit.push(index);
  });
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, levels)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const visual: { char: string; face: LoadedFace; rtl: boolean }[] = [];
  let lastIndex = -1;
  for (const unit of order) {
    const index = byUnit[unit] ?? 0;
    if (index === lastIndex) continue;
    lastIndex = index;
    const piece = logical[index];
    if (!piece) continue;
    const level = levels.levels[unit] ?? 0;
    visual.push({ char: mirrored.get(unit) ?? piece.char, face: piece.face, rtl: level % 2 === 1 });
  }
  // The shaping engine reverses a run only when it holds right-to-left letters; a right-to-left
  // run of spaces and punctuation alone is drawn as it stands, already in visual order.
  const runs = group(visual).map((run) =>
    run.rtl && RIGHT_TO_LEFT.test(run.chars.join(""))
      ? { ...measured(run.face, run.chars.reverse().join("")), rtl: true }
      : measured(run.face, run.chars.join("")),
  );
  return { runs, rtl: (levels.paragraphs[0]?.level ?? 0) % 2 === 1 };
}
