import type PDFDocument from "pdfkit";
import { type FontWeight, primaryFace } from "./font-catalogue.js";
import { lineRuns, measureText } from "./text-runs.js";

type Doc = InstanceType<typeof PDFDocument>;

/** Where and how one line of text is drawn. */
export interface LineStyle {
  weight: FontWeight;
  size: number;
  color?: string;
  /** Right edge for right-to-left lines and `align: "right"`; a left-to-right line starts at `x`. */
  right?: number;
  align?: "left" | "right";
  /** Base direction of the paragraph the line belongs to; found from the line itself by default. */
  direction?: "ltr" | "rtl";
}

/**
 * Draws lines of text in a pdfkit document with the embedded Unicode faces: each run in the face
 * that has its glyphs, right-to-left lines in visual order. Faces are registered with the document
 * the first time it uses them, so only the subsets a document needs are embedded.
 */
export function textWriter(doc: Doc) {
  const registered = new Set<string>();
  /** The embedded fonts that drew right-to-left text, whose ligatures `finish` maps for extraction. */
  const rightToLeftFonts = new Set<EmbeddedFont>();
  return {
    /** Width of `text` on one line. */
    measure(text: string, weight: FontWeight, size: number): number {
      return measureText(text, weight, size);
    },
    /** The distance from the top of a line to its baseline, from the Latin face's ascent. */
    ascent(weight: FontWeight, size: number): number {
      const { font } = primaryFace(weight);
      return (font.ascent / font.unitsPerEm) * size;
    },
    /** Draws one line with its top at `top`; returns the width drawn. */
    line(text: string, x: number, top: number, style: LineStyle): number {
      const { runs, rtl } = lineRuns(text, style.weight, style.size, style.direction);
      const width = runs.reduce((sum, run) => sum + run.width, 0);
      const alignRight = style.right !== undefined && (rtl || style.align === "right");
      let left = alignRight ? (style.right ?? x) - width : x;
      const baseline = top + this.ascent(style.weight, style.size);
      doc.fillColor(style.color ?? "black");
      for (const run of runs) {
        if (!registered.has(run.face.key)) {
          // pdfkit takes an already parsed fontkit font as a font source.
          doc.registerFont(run.face.key, run.face.font as unknown as Buffer);
          registered.add(run.face.key);
        }
        doc
          .font(run.face.key)
          .fontSize(style.size)
          // With features given, pdfkit lays the text out whole instead of word by word, which
          // right-to-left text needs (the engine would otherwise reverse each word on its own).
          .text(run.text, left, baseline, {
            lineBreak: false,
            baseline: "alphabetic",
            ...(run.rtl ? { features: [] } : {}),
          });
        const font = (doc as unknown as { _font?: EmbeddedFont })._font;
        if (run.rtl && font) rightToLeftFonts.add(font);
        left += run.width;
      }
      return width;
    },
    /** Call once everything is drawn, before `doc.end()` embeds the fonts. */
    finish(): void {
      for (const font of rightToLeftFonts) mapLigaturesForExtraction(font);
    },
  };
}

export type TextWriter = ReturnType<typeof textWriter>;

/** Hebrew and Arabic letters and marks, with their presentation forms. */
function isRightToLeft(codePoint: number): boolean {
  return (
    (codePoint >= 0x0590 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb1d && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff)
  );
}

/** pdfkit's embedded font keeps its ToUnicode map as `unicode`: glyph id to code points. */
interface EmbeddedFont {
  unicode?: (number[] | undefined)[];
}

/**
 * A right-to-left run is drawn in visual order, and text extractors (pdf.js, poppler, copy and
 * paste) reverse it letter by letter to get the reading order back. A ligature glyph (lam-alef, or
 * sheen-reh in some faces) maps to its letters in reading order, so that reversal turns them
 * around: "شركة" would come back as "رشكة". Its letters are therefore recorded in visual order in
 * the font's ToUnicode map, which the reversal puts right. Only right-to-left runs make glyphs of
 * several right-to-left letters, so every such entry is turned, once, before the font is embedded.
 */
function mapLigaturesForExtraction(font: EmbeddedFont): void {
  const table = font.unicode;
  if (!table) return;
  table.forEach((codePoints, glyphId) => {
    if (codePoints && codePoints.length > 1 && codePoints.every(isRightToLeft))
      table[glyphId] = [...codePoints].reverse();
  });
}
