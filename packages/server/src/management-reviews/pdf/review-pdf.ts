import PDFDocument from "pdfkit";
import { drawPageFrames, FOOTER_SPACE, HEADER_SPACE } from "../../exports/pdf/page-furniture.js";
import { A4, CELL_PAD, MARGIN, planTable } from "../../exports/pdf/table-plan.js";
import { measureText, paragraphDirection } from "../../exports/pdf/text-runs.js";
import { type TextWriter, textWriter } from "../../exports/pdf/text-writer.js";
import { wrapText } from "../../exports/pdf-text.js";
import { formatUtc, type TableExport } from "../../exports/table-export.js";

type Doc = InstanceType<typeof PDFDocument>;

/** One piece of a review document, drawn top to bottom. */
export type DocumentBlock =
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string; muted?: boolean }
  /** Label and value pairs, such as counts or meeting details. */
  | { kind: "facts"; rows: readonly (readonly [string, string])[] }
  /** A table; `empty` is printed instead when it has no rows. */
  | { kind: "table"; columns: readonly string[]; rows: readonly (readonly string[])[]; empty: string };

/** A document of the management review: the input pack or the minutes. */
export interface ReviewDocument {
  title: string;
  orgName: string;
  /** Which state of the records this is, e.g. "MR-3, pack as of 2026-03-31 23:59:59 UTC". */
  version: string;
  generatedAt: Date;
  /** Facts of the cover block after organisation, document, version and generation time. */
  facts: readonly (readonly [string, string])[];
  contentSha256: string;
  /** How the content hash is computed, printed under it. */
  hashDefinition: string;
  blocks: readonly DocumentBlock[];
}

const WIDTH = A4.short - 2 * MARGIN;
const GREY = "#555555";
const RULE = "#b0b0b0";
const HEADER_FILL = "#e4e9ee";
const BORDER = "#a8b0b8";
const BODY = 9;
const LINE = BODY * 1.45;

/** Draws the blocks one under another, starting a new page whenever the next piece does not fit. */
class Flow {
  y: number;
  constructor(
    private readonly doc: Doc,
    private readonly text: TextWriter,
    top: number,
  ) {
    this.y = top;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN - FOOTER_SPACE;
  }

  /** Starts a new page unless `height` fits below the current position. */
  room(height: number) {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = MARGIN + HEADER_SPACE;
  }

  lines(value: string, width: number, weight: "regular" | "bold", size: number) {
    return wrapText(value, width, (piece) => this.text.measure(piece, weight, size));
  }

  heading(value: string, size: number, before: number) {
    const lines = this.lines(value, WIDTH, "bold", size);
    // A heading keeps at least a few lines of what follows on its page.
    this.room(before + lines.length * size * 1.35 + 5 * LINE);
    this.y += before;
    for (const line of lines) {
      this.text.line(line, MARGIN, this.y, { weight: "bold", size, right: MARGIN + WIDTH });
      this.y += size * 1.35;
    }
    if (size > 12) {
      this.doc
        .moveTo(MARGIN, this.y + 1)
        .lineTo(MARGIN + WIDTH, this.y + 1)
        .lineWidth(0.5)
        .stroke(RULE);
      this.y += 5;
    }
    this.y += 2;
  }

  paragraph(value: string, muted: boolean) {
    for (const line of this.lines(value, WIDTH, "regular", BODY)) {
      this.room(LINE);
      this.text.line(line, MARGIN, this.y, {
        weight: "regular",
        size: BODY,
        right: MARGIN + WIDTH,
        ...(muted ? { color: GREY } : {}),
      });
      this.y += LINE;
    }
    this.y += 4;
  }

  facts(rows: readonly (readonly [string, string])[]) {
    const labelWidth = Math.min(
      190,
      Math.max(60, ...rows.map(([label]) => this.text.measure(label, "bold", BODY) + 10)),
    );
    this.room(Math.min(rows.length, 8) * LINE);
    for (const [label, value] of rows) {
      const lines = this.lines(value || "—", WIDTH - labelWidth, "regular", BODY);
      this.room(Math.min(lines.length, 3) * LINE);
      this.text.line(label, MARGIN, this.y, { weight: "bold", size: BODY, color: GREY });
      for (const line of lines) {
        this.room(LINE);
        this.text.line(line, MARGIN + labelWidth, this.y, { weight: "regular", size: BODY, right: MARGIN + WIDTH });
        this.y += LINE;
      }
    }
    this.y += 4;
  }

  table(columns: readonly string[], rows: readonly (readonly string[])[], empty: string) {
    if (rows.length === 0) {
      this.paragraph(empty, true);
      return;
    }
    const plan = planTable(columns, rows as string[][], (value, bold) =>
      measureText(value, bold ? "bold" : "regular", 1),
    );
    const total = plan.widths.reduce((sum, width) => sum + width, 0);
    // The document is portrait throughout; a table planned wider is scaled to the page and wraps more.
    const widths = plan.widths.map((width) => (width * WIDTH) / Math.max(total, WIDTH));
    const size = plan.size;
    const lineHeight = size * 1.4;
    const cellLines = (values: readonly string[], weight: "regular" | "bold") =>
      values.map((value, i) => this.lines(value, Math.max((widths[i] ?? 0) - 2 * CELL_PAD.x, 4), weight, size));
    const drawRow = (cells: string[][], weight: "regular" | "bold", fill?: string) => {
      const count = Math.max(1, ...cells.map((cell) => cell.length));
      const height = count * lineHeight + 2 * CELL_PAD.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        if (fill) this.doc.rect(x, this.y, width, height).fill(fill);
        this.doc.rect(x, this.y, width, height).lineWidth(0.4).stroke(BORDER);
        cell.forEach((line, n) => {
          this.text.line(line, x + CELL_PAD.x, this.y + CELL_PAD.y + n * lineHeight, {
            weight,
            size,
            right: x + width - CELL_PAD.x,
            direction: paragraphDirection(line),
          });
        });
        x += width;
      });
      this.y += height;
    };
    const heading = cellLines(columns, "bold");
    const headingHeight = Math.max(1, ...heading.map((cell) => cell.length)) * lineHeight + 2 * CELL_PAD.y;
    this.room(headingHeight + lineHeight * 2);
    drawRow(heading, "bold", HEADER_FILL);
    for (const row of rows) {
      const cells = cellLines(row, "regular");
      const height = Math.max(1, ...cells.map((cell) => cell.length)) * lineHeight + 2 * CELL_PAD.y;
      if (this.y + height > this.bottom) {
        this.doc.addPage();
        this.y = MARGIN + HEADER_SPACE;
        drawRow(heading, "bold", HEADER_FILL);
      }
      drawRow(cells, "regular");
    }
    this.y += 8;
  }
}

/** The block at the top of the first page saying what the document is and how to check it. */
function drawCover(doc: Doc, text: TextWriter, document: ReviewDocument, top: number): number {
  const labelWidth = 100;
  const facts: [string, string][] = [
    ["Organisation", document.orgName],
    ["Document", document.title],
    ["Version", document.version],
    ["Generated", formatUtc(document.generatedAt)],
    ...document.facts.map(([label, value]) => [label, value] as [string, string]),
    ["Content SHA-256", document.contentSha256],
  ];
  const measure = (weight: "regular" | "bold", size: number) => (value: string) => text.measure(value, weight, size);
  const wrapped = facts.map(
    ([label, value]) => [label, wrapText(value, WIDTH - labelWidth - 24, measure("regular", BODY))] as const,
  );
  const titleLines = wrapText(document.title, WIDTH - 24, measure("bold", 18));
  const definition = wrapText(document.hashDefinition, WIDTH - 24, measure("regular", 7));
  const height =
    12 +
    titleLines.length * 24 +
    6 +
    wrapped.reduce((sum, [, lines]) => sum + lines.length * LINE, 0) +
    6 +
    definition.length * 9.5 +
    10;
  doc.rect(MARGIN, top, WIDTH, height).fill("#f3f5f7");
  doc.rect(MARGIN, top, 3, height).fill("#2f5d8a");
  let y = top + 12;
  for (const line of titleLines) {
    text.line(line, MARGIN + 12, y, { weight: "bold", size: 18, right: MARGIN + WIDTH - 12 });
    y += 24;
  }
  y += 6;
  for (const [label, lines] of wrapped) {
    text.line(label, MARGIN + 12, y, { weight: "bold", size: BODY, color: GREY });
    for (const line of lines) {
      text.line(line, MARGIN + 12 + labelWidth, y, { weight: "regular", size: BODY, right: MARGIN + WIDTH - 12 });
      y += LINE;
    }
  }
  y += 6;
  for (const line of definition) {
    text.line(line, MARGIN + 12, y, { weight: "regular", size: 7, color: GREY });
    y += 9.5;
  }
  return top + height;
}

/**
 * An A4 portrait PDF of a management review document, laid out like the other exports: a cover block
 * (organisation, document, version, generation time, the document's own facts and the content hash
 * with its definition), then headings, paragraphs, label–value lists and tables flowing over pages
 * (a table's heading row repeated on each page it spans), and on every page a header with title,
 * organisation and version and a footer with the generation time, the hash and "Page X of Y".
 */
export async function renderReviewPdf(document: ReviewDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "portrait",
    margins: { top: MARGIN + HEADER_SPACE, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: document.title,
      Author: document.orgName,
      Subject: `${document.title}, ${document.version}, generated ${formatUtc(document.generatedAt)}, content SHA-256 ${document.contentSha256}`,
      Creator: "OpenAIMS",
      CreationDate: document.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const text = textWriter(doc);
  const flow = new Flow(doc, text, drawCover(doc, text, document, MARGIN + HEADER_SPACE) + 10);
  for (const block of document.blocks) {
    if (block.kind === "heading") flow.heading(block.text, 14, 10);
    else if (block.kind === "subheading") flow.heading(block.text, 10.5, 6);
    else if (block.kind === "paragraph") flow.paragraph(block.text, block.muted ?? false);
    else if (block.kind === "facts") flow.facts(block.rows);
    else flow.table(block.columns, block.rows, block.empty);
  }
  const frame: TableExport = {
    title: document.title,
    orgName: document.orgName,
    generatedAt: document.generatedAt,
    version: document.version,
    columns: [],
    rows: [],
    filenameStem: "",
  };
  drawPageFrames(doc, text, frame, document.contentSha256);
  text.finish();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
