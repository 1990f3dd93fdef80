import type PDFDocument from "pdfkit";
import { wrapText } from "../pdf-text.js";
import { approvalText, contentHashDefinition, formatUtc, type TableExport } from "../table-export.js";
import { MARGIN } from "./table-plan.js";
import type { TextWriter } from "./text-writer.js";

type Doc = InstanceType<typeof PDFDocument>;

/** Space above and below the body of each page taken by the page header and footer. */
export const HEADER_SPACE = 22;
export const FOOTER_SPACE = 22;
const GREY = "#555555";
const RULE = "#b0b0b0";

/**
 * The block at the top of the first page that says what the document is: title, organisation,
 * version, approval, generation time, row count and the content hash with its definition.
 * Returns the y below it.
 */
export function drawCover(doc: Doc, text: TextWriter, table: TableExport, contentSha256: string, top: number): number {
  const width = doc.page.width - 2 * MARGIN;
  const labelWidth = 92;
  const valueWidth = width - labelWidth - 24;
  const facts: [string, string][] = [
    ["Organisation", table.orgName],
    ["Document", table.title],
    ["Version", table.version],
    ["Approval", approvalText(table.approval)],
    ["Generated", formatUtc(table.generatedAt)],
    ["Rows", String(table.rows.length)],
    ["Content SHA-256", contentSha256],
  ];
  const size = 9;
  const lineHeight = size * 1.45;
  const measure = (value: string) => text.measure(value, "regular", size);
  const wrapped = facts.map(([label, value]) => [label, wrapText(value, valueWidth, measure)] as const);
  const definition = wrapText(contentHashDefinition, width - 24, (value) => text.measure(value, "regular", 7));
  const titleLines = wrapText(table.title, width - 24, (value) => text.measure(value, "bold", 18));
  const height =
    12 +
    titleLines.length * 24 +
    6 +
    wrapped.reduce((sum, [, lines]) => sum + lines.length * lineHeight, 0) +
    6 +
    definition.length * 9.5 +
    10;
  doc.rect(MARGIN, top, width, height).fill("#f3f5f7");
  doc.rect(MARGIN, top, 3, height).fill("#2f5d8a");
  let y = top + 12;
  for (const line of titleLines) {
    text.line(line, MARGIN + 12, y, { weight: "bold", size: 18, right: MARGIN + width - 12 });
    y += 24;
  }
  y += 6;
  for (const [label, lines] of wrapped) {
    text.line(label, MARGIN + 12, y, { weight: "bold", size, color: GREY });
    for (const line of lines) {
      text.line(line, MARGIN + 12 + labelWidth, y, { weight: "regular", size, right: MARGIN + width - 12 });
      y += lineHeight;
    }
  }
  y += 6;
  for (const line of definition) {
    text.line(line, MARGIN + 12, y, { weight: "regular", size: 7, color: GREY });
    y += 9.5;
  }
  return top + height;
}

/** The text, cut with an ellipsis if it is wider than `width` in bold at `size`. */
function shortened(text: TextWriter, value: string, width: number, size: number): string {
  if (text.measure(value, "bold", size) <= width) return value;
  const chars = Array.from(value);
  while (chars.length > 1 && text.measure(`${chars.join("")}…`, "bold", size) > width) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/**
 * Writes the page header (document title and organisation, version) and footer (generation time,
 * content hash, "Page X of Y") on every page, once all pages exist.
 */
export function drawPageFrames(doc: Doc, text: TextWriter, table: TableExport, contentSha256: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Drawing in the margins would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const right = doc.page.width - MARGIN;
    const headerTop = MARGIN - 4;
    const size = 7.5;
    const heading = shortened(text, `${table.title} — ${table.orgName}`, right - 130 - MARGIN, size);
    text.line(heading, MARGIN, headerTop, {
      weight: "bold",
      size,
      color: GREY,
      right: right - 120,
      align: "left",
    });
    text.line(`Version: ${table.version}`, MARGIN, headerTop, {
      weight: "regular",
      size,
      color: GREY,
      right,
      align: "right",
    });
    const ruleY = headerTop + size * 1.5;
    doc.moveTo(MARGIN, ruleY).lineTo(right, ruleY).lineWidth(0.5).stroke(RULE);

    const footerTop = doc.page.height - MARGIN + 2;
    doc
      .moveTo(MARGIN, footerTop - 4)
      .lineTo(right, footerTop - 4)
      .lineWidth(0.5)
      .stroke(RULE);
    text.line(`Generated ${formatUtc(table.generatedAt)}   ·   Content SHA-256 ${contentSha256}`, MARGIN, footerTop, {
      weight: "regular",
      size: 6.5,
      color: GREY,
    });
    text.line(`Page ${i + 1 - range.start} of ${range.count}`, MARGIN, footerTop, {
      weight: "bold",
      size,
      color: GREY,
      right,
      align: "right",
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
