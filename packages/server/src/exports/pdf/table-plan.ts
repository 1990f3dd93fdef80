import { breakUnits, normaliseText } from "../pdf-text.js";
import { type ColumnNeed, columnWidths, minimumTableWidth } from "./column-widths.js";

/** A4 in points. */
export const A4 = { short: 595.28, long: 841.89 };
export const MARGIN = 40;
/** Horizontal and vertical padding inside a cell. */
export const CELL_PAD = { x: 4, y: 3 };

/** Body text sizes tried in turn until the columns' widest words fit across the page. */
const SIZES = [8, 7.5, 7, 6.5, 6];
/** Tables with more columns than this are printed landscape even when they would fit portrait. */
const PORTRAIT_MAX_COLUMNS = 6;
/** The share of the table width that one unbreakable word may claim before it breaks. */
const WORD_CAP = 0.3;

/** How a table is set on the page. */
export interface TablePlan {
  layout: "portrait" | "landscape";
  size: number;
  /** Column widths in points, padding included. */
  widths: number[];
}

/** The needs of one column at a text size of 1 point: its widest word and its widest line. */
function needAtUnitSize(texts: { text: string; bold: boolean }[], measure: Measure): ColumnNeed {
  let min = 0;
  let max = 0;
  let floor = 0;
  for (const { text, bold } of texts) {
    const space = measure(" ", bold);
    for (const paragraph of normaliseText(text).split("\n")) {
      let line = 0;
      for (const unit of breakUnits(paragraph)) {
        const width = measure(unit.text, bold);
        min = Math.max(min, width);
        if (bold) floor = Math.max(floor, width);
        line += (line > 0 && unit.glue ? space : 0) + width;
      }
      max = Math.max(max, line);
    }
  }
  return { min, max, floor };
}

/** Width of text at 1 point, in the bold or regular weight. */
export type Measure = (text: string, bold: boolean) => number;

/**
 * Chooses orientation, text size and column widths for a table: portrait for narrow tables,
 * landscape otherwise; the largest text size at which every column is at least as wide as its
 * widest word (header words in bold); widths shared by `columnWidths`, which breaks the longest
 * cell words, never heading words, when even the smallest size is too wide.
 */
export function planTable(headers: readonly string[], rows: readonly string[][], measure: Measure): TablePlan {
  const needs = headers.map((header, i) =>
    needAtUnitSize(
      [{ text: header, bold: true }, ...rows.map((row) => ({ text: row[i] ?? "", bold: false }))],
      measure,
    ),
  );
  const scaledTo = (size: number) =>
    needs.map((need) => ({ min: need.min * size, max: need.max * size, floor: (need.floor ?? 0) * size }));
  const padding = 2 * CELL_PAD.x * headers.length;
  const usable = (layout: TablePlan["layout"]) => (layout === "portrait" ? A4.short : A4.long) - 2 * MARGIN;
  const fits = (layout: TablePlan["layout"], size: number) => {
    const available = usable(layout) - padding;
    return minimumTableWidth(scaledTo(size), available * WORD_CAP) <= available;
  };
  const portrait = headers.length <= PORTRAIT_MAX_COLUMNS && fits("portrait", SIZES[0] ?? 8);
  const layout = portrait ? "portrait" : "landscape";
  const size = SIZES.find((candidate) => fits(layout, candidate)) ?? SIZES.at(-1) ?? 6;
  const available = usable(layout) - padding;
  const widths = columnWidths(scaledTo(size), available, available * WORD_CAP).map((width) => width + 2 * CELL_PAD.x);
  return { layout, size, widths };
}
