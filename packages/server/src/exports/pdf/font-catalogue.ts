import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";
import { woffToSfnt } from "./woff-to-sfnt.js";

const require = createRequire(import.meta.url);

/** A weight the PDF exports use: body text or headings. */
export type FontWeight = "regular" | "bold";

const WEIGHTS: Record<FontWeight, number> = { regular: 400, bold: 700 };

/** One font file of a family, covering the code points of one unicode subset. */
interface FontFace {
  /** Name under which the face is registered in a PDF document, unique per face and weight. */
  key: string;
  file: string;
  ranges: [number, number][];
}

/** A loaded face: its registration name and the parsed font, shared by every document. */
export interface LoadedFace {
  key: string;
  font: fontkit.Font;
}

/**
 * The families, in the order a character looks for a glyph: Noto Sans (Latin, Greek, Cyrillic,
 * Vietnamese), then IBM Plex Sans Arabic, then Noto Sans SC (Chinese, Japanese kana and more). The
 * font files come from the `@fontsource` packages, one file per unicode subset; only the subsets a
 * document's text needs are read, and each only once per process. Arabic is not drawn with Noto
 * Sans Arabic: that font splits letters into a dotless shape and separate dots, so one glyph stands
 * for several letters and the text a reader copies or searches out of the PDF comes out wrong.
 */
const FAMILIES = [
  { pkg: "@fontsource/noto-sans", id: "noto-sans", subsets: (name: string) => name !== "devanagari" },
  { pkg: "@fontsource/ibm-plex-sans-arabic", id: "ibm-plex-sans-arabic", subsets: (name: string) => name === "arabic" },
  { pkg: "@fontsource/noto-sans-sc", id: "noto-sans-sc", subsets: (name: string) => name.startsWith("[") },
];

function parseRanges(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    const start = Number.parseInt(from ?? "", 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

function readFaces(weight: FontWeight): FontFace[] {
  const faces: FontFace[] = [];
  for (const family of FAMILIES) {
    const root = dirname(require.resolve(`${family.pkg}/package.json`));
    const subsets = JSON.parse(readFileSync(join(root, "unicode.json"), "utf8")) as Record<string, string>;
    for (const [name, ranges] of Object.entries(subsets)) {
      if (!family.subsets(name)) continue;
      const subset = name.replace(/[[\]]/g, "");
      const file = join(root, "files", `${family.id}-${subset}-${WEIGHTS[weight]}-normal.woff`);
      faces.push({ key: `${family.id}-${subset}-${weight}`, file, ranges: parseRanges(ranges) });
    }
  }
  return faces;
}

const catalogues = new Map<FontWeight, FontFace[]>();
const loaded = new Map<string, LoadedFace>();

function facesOf(weight: FontWeight): FontFace[] {
  let faces = catalogues.get(weight);
  if (!faces) {
    faces = readFaces(weight);
    catalogues.set(weight, faces);
  }
  return faces;
}

function load(face: FontFace): LoadedFace {
  let done = loaded.get(face.key);
  if (!done) {
    const font = fontkit.create(woffToSfnt(readFileSync(face.file)));
    if (!("layout" in font)) throw new Error(`${face.file} is a font collection, not a font`);
    done = { key: face.key, font };
    loaded.set(face.key, done);
  }
  return done;
}

/** The face that draws Latin text and whose metrics set line heights and baselines. */
export function primaryFace(weight: FontWeight): LoadedFace {
  const face = facesOf(weight).find((candidate) => candidate.key === `noto-sans-latin-${weight}`);
  if (!face) throw new Error("The Noto Sans Latin font file is missing");
  return load(face);
}

/**
 * The first face, in family order, whose subset covers the code point and which has a glyph for
 * it; the primary face (which draws a missing-glyph box) when none does.
 */
export function faceFor(codePoint: number, weight: FontWeight): LoadedFace {
  const key = `${weight}:${codePoint}`;
  let found = chosen.get(key);
  if (!found) {
    found = searchFace(codePoint, weight);
    chosen.set(key, found);
  }
  return found;
}

const chosen = new Map<string, LoadedFace>();

function searchFace(codePoint: number, weight: FontWeight): LoadedFace {
  for (const face of facesOf(weight)) {
    if (!face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) continue;
    const candidate = load(face);
    if (candidate.font.hasGlyphForCodePoint(codePoint)) return candidate;
  }
  return primaryFace(weight);
}
