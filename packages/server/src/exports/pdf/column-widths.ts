/** What one column's content needs: `min` to show its widest word unbroken, `max` to show every line unwrapped. */
export interface ColumnNeed {
  min: number;
  max: number;
}

/**
 * Column widths that share `available` points the way an HTML table with automatic layout does:
 * every column at least as wide as its widest word; the space left over goes to the columns in
 * proportion to how much wrapping they would otherwise need, and a table whose lines all fit
 * unwrapped is stretched to the full width. `minCap` bounds the width one word may claim (a hash or
 * an address then breaks, as a last resort, rather than squeezing every other column). When even
 * the minimums do not fit, they are scaled down together and words break.
 */
export function columnWidths(needs: readonly ColumnNeed[], available: number, minCap = Infinity): number[] {
  if (needs.length === 0) return [];
  const mins = needs.map((need) => Math.min(need.min, minCap));
  const maxes = needs.map((need, i) => Math.max(need.max, mins[i] ?? 0));
  const sumMin = mins.reduce((sum, width) => sum + width, 0);
  const sumMax = maxes.reduce((sum, width) => sum + width, 0);
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
  return needs.reduce((sum, need) => sum + Math.min(need.min, minCap), 0);
}
