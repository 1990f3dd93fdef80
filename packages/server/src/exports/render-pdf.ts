import PDFDocument from "pdfkit";
import { pdfSafeText, wrapText } from "./pdf-text.js";
import { contentHashDefinition, type TableExport, textRows } from "./table-export.js";

const MARGIN = 36;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const CELL_SIZE = 8;
const LINE_HEIGHT = 10;
const PAD = 3;
const FOOTER_SPACE = 18;
const DEFAULT_WIDTH = 16;

type Doc = InstanceType<typeof PDFDocument>;

interface Layout {
  x: number[];
  widths: number[];
}

function columnLayout(table: TableExport, pageWidth: number): Layout {
  const shares = table.columns.map((column) => column.width ?? DEFAULT_WIDTH);
  const total = shares.reduce((sum, share) => sum + share, 0) || 1;
  const usable = pageWidth - 2 * MARGIN;
  const widths = shares.map((share) => (usable * share) / total);
  const x: number[] = [];
  let left = MARGIN;
  for (const width of widths) {
    x.push(left);
    left += width;
  }
  return { x, widths };
}

function cellLines(doc: Doc, text: string, width: number): string[] {
  return wrapText(pdfSafeText(text), Math.max(width - 2 * PAD, 4), (s) => doc.widthOfString(s));
}

/** Draws one table row from `top`, at most `maxLines` lines of each cell, with borders. */
function drawRow(doc: Doc, layout: Layout, cells: string[][], top: number, lineCount: number, fill?: string) {
  const height = lineCount * LINE_HEIGHT + 2 * PAD;
  layout.x.forEach((x, i) => {
    const width = layout.widths[i] ?? 0;
    if (fill) doc.rect(x, top, width, height).fill(fill).fillColor("black");
    doc.rect(x, top, width, height).lineWidth(0.5).stroke("#999999");
    (cells[i] ?? []).slice(0, lineCount).forEach((line, n) => {
      doc.text(line, x + PAD, top + PAD + n * LINE_HEIGHT, { lineBreak: false });
    });
  });
  return height;
}

function drawHeading(doc: Doc, table: TableExport, contentSha256: string): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(14).text(pdfSafeText(table.title), MARGIN, MARGIN, { width });
  doc
    .font(FONT)
    .fontSize(9)
    .text(
      pdfSafeText(
        `Organisation: ${table.orgName}    Generated: ${table.generatedAt.toISOString()}    ` +
          `Version: ${table.version}    Rows: ${table.rows.length}`,
      ),
      { width },
    );
  doc.font(BOLD).text(`Content SHA-256: ${contentSha256}`, { width });
  doc.font(FONT).fontSize(7).fillColor("#444444").text(contentHashDefinition, { width }).fillColor("black");
  doc.moveDown(0.8);
}

function drawFooters(doc: Doc, table: TableExport, contentSha256: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = pdfSafeText(
      `${table.orgName} - ${table.title} - ${table.version} - SHA-256 ${contentSha256} - page ${i + 1} of ${range.count}`,
    );
    doc
      .font(FONT)
      .fontSize(6.5)
      .fillColor("#444444")
      .text(text, MARGIN, doc.page.height - MARGIN + 6, { width: doc.page.width - 2 * MARGIN, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * A landscape A4 PDF: heading with organisation, generation time, version and content hash;
 * the table with wrapped cells, its heading row repeated on every page, and rows taller than a
 * page continued on the next; a footer on every page with the same facts and the page number.
 */
export async function renderPdf(table: TableExport, contentSha256: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: pdfSafeText(table.title),
      Author: pdfSafeText(table.orgName),
      Subject: `${pdfSafeText(table.title)} ${table.version}, content SHA-256 ${contentSha256}`,
      Creator: "OpenAIMS",
      CreationDate: table.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  drawHeading(doc, table, contentSha256);
  const layout = columnLayout(table, doc.page.width);
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  doc.font(BOLD).fontSize(CELL_SIZE);
  const headerCells = table.columns.map((column, i) => cellLines(doc, column.header, layout.widths[i] ?? 0));
  const headerLines = Math.max(1, ...headerCells.map((lines) => lines.length));
  const drawHeader = () => {
    doc.font(BOLD).fontSize(CELL_SIZE);
    const height = drawRow(doc, layout, headerCells, doc.y, headerLines, "#e8e8e8");
    doc.font(FONT).fontSize(CELL_SIZE);
    doc.y += height;
  };
  drawHeader();

  for (const row of textRows(table)) {
    doc.font(FONT).fontSize(CELL_SIZE);
    let cells = row.map((text, i) => cellLines(doc, text, layout.widths[i] ?? 0));
    let remaining = Math.max(1, ...cells.map((lines) => lines.length));
    while (remaining > 0) {
      let fits = Math.floor((bottom() - doc.y - 2 * PAD) / LINE_HEIGHT);
      // Start a fresh page rather than split off a sliver of a row.
      if (fits < Math.min(remaining, 3)) {
        doc.addPage();
        doc.y = MARGIN;
        drawHeader();
        fits = Math.floor((bottom() - doc.y - 2 * PAD) / LINE_HEIGHT);
      }
      const take = Math.min(remaining, fits);
      doc.y += drawRow(doc, layout, cells, doc.y, take);
      cells = cells.map((lines) => lines.slice(take));
      remaining -= take;
    }
  }
  if (table.rows.length === 0)
    doc
      .font(FONT)
      .fontSize(9)
      .text("No rows.", MARGIN, doc.y + 6);

  drawFooters(doc, table, contentSha256);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
