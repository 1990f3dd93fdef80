/**
 * Characters the standard PDF fonts (WinAnsi encoding) can show beyond Latin-1: typographic
 * quotes, dashes, the euro sign and a few others.
 */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Text the built-in PDF fonts can draw: accented letters outside Latin-1 lose their accent,
 * tabs become spaces, and anything else becomes "?". The hashed content is unaffected;
 * only the drawing is.
 */
export function pdfSafeText(text: string): string {
  let out = "";
  for (const char of text.replace(/\t/g, " ").replace(/\r\n?/g, "\n")) {
    if (char === "\n" || isWinAnsi(char)) {
      out += char;
      continue;
    }
    const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
    out += [...base].every(isWinAnsi) && base.length > 0 ? base : "?";
  }
  return out;
}

/**
 * Breaks text into lines no wider than `width`, at spaces where possible and inside a word only
 * when the word alone is too wide. Explicit line breaks are kept.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        // The longest prefix that fits, and at least one character so the loop always advances.
        let low = 1;
        let high = rest.length - 1;
        while (low < high) {
          const mid = Math.ceil((low + high) / 2);
          if (measure(rest.slice(0, mid)) <= width) low = mid;
          else high = mid - 1;
        }
        const cut = low;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
