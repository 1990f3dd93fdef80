/** Writing arbitrary text (replies included) into XML 1.0 safely. */

// Everything outside XML 1.0's Char production: C0 controls but tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. No escape can carry these, so they are replaced.
const forbiddenInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces characters XML 1.0 cannot contain with U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(forbiddenInXml, "\uFFFD");
}

/** Escapes text content: `>` too, so "]]>" cannot appear, and CR, which parsers would fold into LF. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Escapes an attribute value for double quotes, keeping tabs and line breaks through normalisation. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}
