/** Helpers that keep screening bounded: cutting a text to a limit and reading it in fixed windows. */

/** The first `limit` UTF-16 units, without cutting a surrogate pair in half. */
export function leading(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

/** Characters consecutive windows share, so a marker across a window's edge is still whole in one of them. */
const WINDOW_OVERLAP = 1024;

/**
 * The text as windows of at most `size` characters (overlapping a little), for detectors that read
 * only their first `size` characters; a text within `size` is one window.
 */
export function windowsOf(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const windows: string[] = [];
  const step = Math.max(1, size - WINDOW_OVERLAP);
  for (let start = 0; start < text.length; start += step) {
    windows.push(text.slice(start, start + size));
    if (start + size >= text.length) break;
  }
  return windows;
}

/** Text cut to `max` characters with an ellipsis, whitespace collapsed. */
export function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
