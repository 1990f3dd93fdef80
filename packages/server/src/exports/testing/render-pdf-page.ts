import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";

const require = createRequire(import.meta.url);

/** A rendered page: RGBA pixels, and a text item's box in those pixels. */
export interface RenderedPage {
  width: number;
  height: number;
  /** RGBA bytes, row by row. */
  pixels: Uint8ClampedArray;
  png: () => Promise<Buffer>;
  /** The pixel box of each text item whose text contains `text`, in drawing order. */
  boxesOf: (text: string) => { left: number; top: number; width: number; height: number }[];
}

/**
 * Renders one page of a PDF to pixels with pdf.js on a Skia canvas (both installed from npm, no
 * system libraries), the way a PDF viewer would draw it, for tests that check what people see.
 */
export async function renderPdfPage(buffer: Buffer | Uint8Array, pageNumber: number, scale = 2): Promise<RenderedPage> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(buffer), standardFontDataUrl: fonts }).promise;
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js draws on any context with the CanvasRenderingContext2D surface; Skia's is one.
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as never, viewport })
    .promise;
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) => ("str" in item ? [item] : []));
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  return {
    width: canvas.width,
    height: canvas.height,
    pixels,
    png: async () => canvas.encode("png"),
    boxesOf: (text) =>
      items
        .filter((item) => item.str.includes(text))
        .map((item) => {
          const [x, y] = viewport.convertToViewportPoint(item.transform[4] ?? 0, item.transform[5] ?? 0);
          const height = item.height * scale;
          return { left: x ?? 0, top: (y ?? 0) - height, width: item.width * scale, height };
        }),
  };
}

/** Share of pixels in a box that are darker than light grey: ink. */
export function inkShare(
  page: RenderedPage,
  box: { left: number; top: number; width: number; height: number },
): number {
  let ink = 0;
  let total = 0;
  const right = Math.min(page.width, Math.round(box.left + box.width));
  const bottom = Math.min(page.height, Math.round(box.top + box.height));
  for (let y = Math.max(0, Math.round(box.top)); y < bottom; y++)
    for (let x = Math.max(0, Math.round(box.left)); x < right; x++) {
      const at = (y * page.width + x) * 4;
      const light = ((page.pixels[at] ?? 255) + (page.pixels[at + 1] ?? 255) + (page.pixels[at + 2] ?? 255)) / 3;
      total++;
      if (light < 160) ink++;
    }
  return total === 0 ? 0 : ink / total;
}
