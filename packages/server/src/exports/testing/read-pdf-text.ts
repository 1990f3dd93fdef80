import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The text of each page of a PDF as pdf.js finds it, pieces joined by spaces, for tests that read an export back. */
export async function readPdfPages(buffer: Buffer | Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(buffer), standardFontDataUrl: fonts }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}

/**
 * The text lines of each page as a reader sees them: pieces at the same height joined left to
 * right, with a space only where the PDF leaves a gap (so a word drawn in several pieces, or
 * Chinese characters drawn one by one, read as one word). Cells side by side in a table row share
 * a line.
 */
export async function readPdfLines(buffer: Buffer | Uint8Array): Promise<string[][]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(buffer), standardFontDataUrl: fonts }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const pieces = content.items
      .flatMap((item) => ("str" in item && item.str !== "" ? [item] : []))
      .map((item) => ({ text: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width }));
    const rows = new Map<number, typeof pieces>();
    for (const piece of pieces) {
      const key = [...rows.keys()].find((y) => Math.abs(y - piece.y) < 1.5) ?? piece.y;
      rows.set(key, [...(rows.get(key) ?? []), piece]);
    }
    const lines = [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, row]) => {
        row.sort((a, b) => a.x - b.x);
        let line = "";
        let end = Number.NEGATIVE_INFINITY;
        for (const piece of row) {
          if (line && piece.x - end > 1 && !line.endsWith(" ") && !piece.text.startsWith(" ")) line += " ";
          line += piece.text;
          end = piece.x + piece.width;
        }
        return line.replace(/ {2,}/g, " ").trim();
      });
    pages.push(lines);
  }
  return pages;
}
