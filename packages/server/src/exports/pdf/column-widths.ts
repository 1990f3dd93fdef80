/**
 * What one column's content needs: `min` to show its widest word unbroken, `max` to show every line
 * unwrapped, and `floor` (at most `min`) below which it never goes while the table fits at all:
 * the widest word of its heading.
 */
export interface ColumnNeed {
  min: number;
  max: number;
  floor?: number;
}

/** The minimum of each column when no word may claim more than `cap`, headings kept whole. */
function cappedMins(needs: readonly ColumnNeed[], cap: number): number[] {
  return needs.map((need) => Math.max(need.floor ?? 0, Math.min(need.min, cap)));
}

const sum = (widths: readonly number[]) => widths.reduce((total, width) => total + width, 0);

/**
 * The largest word width `cap` at which the columns' minimums fit `available`: the words longer
 * than that break, as a last resort, and no others.
 */
function fittingCap(needs: readonly ColumnNeed[], available: number, minCap: number): number {
  if (sum(cappedMins(needs, minCap)) <= available) return minCap;
  let low = 0;
  let high = Math.min(minCap, Math.max(...needs.map((need) => need.min)));
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (sum(cappedMins(needs, mid)) <= available) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * Column widths that share `available` points the way an HTML table with automatic layout does:
 * every column at least as wide as its widest word; the space left over goes to the columns in
 * proportion to how much wrapping they would otherwise need, and a table whose lines all fit
 * unwrapped is stretched to the full width. `minCap` bounds the width one word may claim (a hash or
 * an address then breaks, as a last resort, rather than squeezing every other column); when the
 * minimums still do not fit, the longest words are capped further, down to the heading words; only
 * when even those do not fit are all columns scaled down together.
 */
export function columnWidths(needs: readonly ColumnNeed[], available: number, minCap = Infinity): number[] {
  if (needs.length === 0) return [];
  const mins = cappedMins(needs, fittingCap(needs, available, minCap));
  const maxes = needs.map((need, i) => Math.max(need.max, mins[i] ?? 0));
  const sumMin = sum(mins);
  const sumMax = sum(maxes);
  if (sumMin >= available) return mins.map((width) => (width * available) / sumMin);
  if (sumMax <= available) {
    const total = sumMax || 1;
    return maxes.map((width) =>
      sumMax === 0 ? available / needs.length : width + (width * (available - sumMax)) / total,
    );
  }
  const spare = available - sumMin;
  return mins.map((width, i) => width + (((maxes[i] ?? 0) - width) * spare) / (sumMax - sumMin));
}

/** The sum of the columns' minimum widths: whether a table fits a page width without breaking words. */
export function minimumTableWidth(needs: readonly ColumnNeed[], minCap = Infinity): number {
  return sum(cappedMins(needs, minCap));
}
