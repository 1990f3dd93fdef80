import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The text of each page of a PDF, for tests that read an export back. */
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
