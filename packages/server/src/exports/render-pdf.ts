import PDFDocument from "pdfkit";
import { drawCover, drawPageFrames, FOOTER_SPACE, HEADER_SPACE } from "./pdf/page-furniture.js";
import { CELL_PAD, MARGIN, planTable, type TablePlan } from "./pdf/table-plan.js";
import { measureText, paragraphDirection } from "./pdf/text-runs.js";
import { type TextWriter, textWriter } from "./pdf/text-writer.js";
import { wrapText } from "./pdf-text.js";
import { formatUtc, type TableExport, textRows } from "./table-export.js";

type Doc = InstanceType<typeof PDFDocument>;

const HEADER_FILL = "#e4e9ee";
const STRIPE_FILL = "#f7f8fa";
const BORDER = "#a8b0b8";
/** A row taller than the space left on a page starts a new page unless at least this many lines fit. */
const MIN_SPLIT_LINES = 3;

interface Grid {
  plan: TablePlan;
  x: number[];
  lineHeight: number;
}

/** The wrapped lines of each cell of a row, and each cell's base direction. */
interface RowLines {
  cells: string[][];
  directions: ("ltr" | "rtl")[];
}

function rowLines(text: TextWriter, values: string[], widths: number[], bold: boolean, size: number): RowLines {
  const weight = bold ? "bold" : "regular";
  return {
    cells: values.map((value, i) =>
      wrapText(value, Math.max((widths[i] ?? 0) - 2 * CELL_PAD.x, 4), (piece) => text.measure(piece, weight, size)),
    ),
    directions: values.map(paragraphDirection),
  };
}

/** Draws `lineCount` lines of each cell of one row from `top`, with its background and borders. */
function drawRow(
  doc: Doc,
  text: TextWriter,
  grid: Grid,
  { cells, directions }: RowLines,
  top: number,
  lineCount: number,
  { fill, bold = false }: { fill?: string | undefined; bold?: boolean } = {},
) {
  const height = lineCount * grid.lineHeight + 2 * CELL_PAD.y;
  grid.x.forEach((x, i) => {
    const width = grid.plan.widths[i] ?? 0;
    if (fill) doc.rect(x, top, width, height).fill(fill);
    doc.rect(x, top, width, height).lineWidth(0.4).stroke(BORDER);
    const direction = directions[i];
    (cells[i] ?? []).slice(0, lineCount).forEach((line, n) => {
      text.line(line, x + CELL_PAD.x, top + CELL_PAD.y + n * grid.lineHeight, {
        weight: bold ? "bold" : "regular",
        size: grid.plan.size,
        right: x + width - CELL_PAD.x,
        ...(direction ? { direction } : {}),
      });
    });
  });
  return height;
}

/**
 * The table from `top` of the first page: a bold heading row repeated at the top of every page,
 * rows striped for reading across, and a row taller than the rest of a page continued on the next.
 */
function drawTable(doc: Doc, text: TextWriter, table: TableExport, plan: TablePlan, top: number): void {
  let left = MARGIN;
  const x = plan.widths.map((width) => {
    const at = left;
    left += width;
    return at;
  });
  const grid: Grid = { plan, x, lineHeight: plan.size * 1.4 };
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  const heading = rowLines(
    text,
    table.columns.map((column) => column.header),
    plan.widths,
    true,
    plan.size,
  );
  const headingLines = Math.max(1, ...heading.cells.map((lines) => lines.length));
  let y = top;
  const drawHeader = () => {
    y += drawRow(doc, text, grid, heading, y, headingLines, { fill: HEADER_FILL, bold: true });
  };
  drawHeader();
  const linesThatFit = () => Math.floor((bottom() - y - 2 * CELL_PAD.y) / grid.lineHeight);

  textRows(table).forEach((row, index) => {
    const lines = rowLines(text, row, plan.widths, false, plan.size);
    let remaining = Math.max(1, ...lines.cells.map((cell) => cell.length));
    while (remaining > 0) {
      if (linesThatFit() < Math.min(remaining, MIN_SPLIT_LINES)) {
        doc.addPage();
        y = MARGIN + HEADER_SPACE;
        drawHeader();
      }
      const take = Math.min(remaining, linesThatFit());
      y += drawRow(doc, text, grid, lines, y, take, { fill: index % 2 === 1 ? STRIPE_FILL : undefined });
      lines.cells = lines.cells.map((cell) => cell.slice(take));
      remaining -= take;
    }
  });
  if (table.rows.length === 0) text.line("No rows.", MARGIN, y + 6, { weight: "regular", size: 9 });
}

/**
 * An A4 PDF an auditor can file: a cover block stating organisation, title, version, approval,
 * generation time and content hash; the table with columns sized to their content (never
 * narrower than their widest word), wrapped at spaces, its heading row repeated on every page,
 * landscape when the table needs the width; a page header with title and organisation and a
 * footer with the generation time, the hash and "Page X of Y". Text of any script is drawn with
 * embedded Noto fonts (subsets of the glyphs used), Arabic shaped and laid right to left.
 */
export async function renderPdf(table: TableExport, contentSha256: string): Promise<Buffer> {
  const headers = table.columns.map((column) => column.header);
  const rows = textRows(table);
  const plan = planTable(headers, rows, (value, bold) => measureText(value, bold ? "bold" : "regular", 1));
  const doc = new PDFDocument({
    size: "A4",
    layout: plan.layout,
    margins: { top: MARGIN + HEADER_SPACE, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: table.title,
      Author: table.orgName,
      Subject: `${table.title} ${table.version}, generated ${formatUtc(table.generatedAt)}, content SHA-256 ${contentSha256}`,
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

  const text = textWriter(doc);
  const coverBottom = drawCover(doc, text, table, contentSha256, MARGIN + HEADER_SPACE);
  drawTable(doc, text, table, plan, coverBottom + 14);
  drawPageFrames(doc, text, table, contentSha256);
  text.finish();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
