/**
 * Where text may break across lines in a PDF table: at spaces, and around Chinese, Japanese and
 * Korean characters, which are written without spaces and may break between any two of them.
 */

/** A piece of text that is never broken except as a last resort, and what separates it from the one before. */
export interface BreakUnit {
  text: string;
  /** " " when a space came before it, "" when it follows the previous unit directly. */
  glue: string;
}

const IDEOGRAPHIC =
  /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** The unbreakable units of one paragraph (no line breaks inside), with their glue. */
export function breakUnits(paragraph: string): BreakUnit[] {
  const units: BreakUnit[] = [];
  for (const word of paragraph.split(/ +/)) {
    if (!word) continue;
    let glue = units.length > 0 ? " " : "";
    let current = "";
    const flush = () => {
      if (!current) return;
      units.push({ text: current, glue });
      glue = "";
      current = "";
    };
    for (const char of word) {
      if (!IDEOGRAPHIC.test(char)) {
        current += char;
        continue;
      }
      flush();
      units.push({ text: char, glue });
      glue = "";
    }
    flush();
  }
  return units;
}

/** Text as people wrote it, with tabs as spaces and any line ending as "\n". */
export function normaliseText(text: string): string {
  return text.replace(/\t/g, " ").replace(/\r\n?/g, "\n");
}

/** Width of the widest unbreakable unit of the text: the narrowest a column can be without breaking a word. */
export function longestUnitWidth(text: string, measure: (text: string) => number): number {
  let widest = 0;
  for (const paragraph of normaliseText(text).split("\n"))
    for (const unit of breakUnits(paragraph)) widest = Math.max(widest, measure(unit.text));
  return widest;
}

/** The longest prefix of `text` no wider than `width`, and at least one character so a caller always advances. */
function fittingPrefix(text: string, width: number, measure: (text: string) => number): string {
  const chars = Array.from(text);
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join("")) <= width) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join("");
}

/**
 * Breaks text into lines no wider than `width` at the break opportunities of `breakUnits`, and
 * inside a unit only when the unit alone is wider than the line (a hash or an address in a narrow
 * column). Explicit line breaks are kept. `measure` gives the width of a piece of text.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const spaceWidth = measure(" ");
  // A column sized to exactly its widest word must not break that word over a rounding error.
  const limit = width + 0.01;
  for (const paragraph of normaliseText(text).split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const unit of breakUnits(paragraph)) {
      const unitWidth = measure(unit.text);
      const glueWidth = line && unit.glue ? spaceWidth : 0;
      if (line && lineWidth + glueWidth + unitWidth <= limit) {
        line += (line ? unit.glue : "") + unit.text;
        lineWidth += glueWidth + unitWidth;
        continue;
      }
      if (line) lines.push(line);
      let rest = unit.text;
      let restWidth = unitWidth;
      while (restWidth > limit && Array.from(rest).length > 1) {
        const head = fittingPrefix(rest, limit, measure);
        lines.push(head);
        rest = rest.slice(head.length);
        restWidth = measure(rest);
      }
      line = rest;
      lineWidth = restWidth;
    }
    lines.push(line);
  }
  return lines;
}
