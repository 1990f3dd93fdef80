import type { ActionUsage } from "./decide-action.js";

interface ToolWindow {
  /** Whole seconds with at least one call in the last hour, oldest first, and their counts. */
  seconds: number[];
  counts: number[];
  hourTotal: number;
  day: number;
  spentToday: number;
}

const hourSeconds = 3600;
const daySeconds = 86_400;

/**
 * Counts one agent's executed calls per tool in sliding windows (last minute, last hour, to the
 * second) and sums spending per UTC day, for rate and budget rules. Memory is bounded: at most
 * 3,600 buckets per tool and `maxTools` tools (the least recently recorded are forgotten first).
 */
export class UsageTracker {
  private readonly windows = new Map<string, ToolWindow>();

  constructor(private readonly maxTools = 10_000) {}

  /** Counts one executed call of `name` at `now` (ms) that spent `amount` (0 when it spends nothing). */
  record(name: string, amount: number, now: number): void {
    const second = Math.floor(now / 1000);
    let window = this.windows.get(name);
    if (window) this.windows.delete(name);
    else {
      window = { seconds: [], counts: [], hourTotal: 0, day: Math.floor(second / daySeconds), spentToday: 0 };
      if (this.windows.size >= this.maxTools) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
    }
    this.windows.set(name, window);
    prune(window, second);
    const last = window.seconds.length - 1;
    if (last >= 0 && window.seconds[last] === second) window.counts[last] = (window.counts[last] ?? 0) + 1;
    else if (last >= 0 && (window.seconds[last] ?? 0) > second) {
      // A call recorded out of order joins the newest bucket, which keeps the windows bounded.
      window.counts[last] = (window.counts[last] ?? 0) + 1;
    } else {
      window.seconds.push(second);
      window.counts.push(1);
    }
    window.hourTotal += 1;
    if (Number.isFinite(amount) && amount > 0) window.spentToday += amount;
  }

  /** The counts decideAction needs for `name` at `now` (ms). */
  usage(name: string, now: number): ActionUsage {
    const window = this.windows.get(name);
    if (!window) return { callsLastMinute: 0, callsLastHour: 0, spentToday: 0 };
    const second = Math.floor(now / 1000);
    prune(window, second);
    let lastMinute = 0;
    for (let i = window.seconds.length - 1; i >= 0 && (window.seconds[i] ?? 0) > second - 60; i--) {
      lastMinute += window.counts[i] ?? 0;
    }
    return { callsLastMinute: lastMinute, callsLastHour: window.hourTotal, spentToday: window.spentToday };
  }
}

function prune(window: ToolWindow, second: number): void {
  let drop = 0;
  while (drop < window.seconds.length && (window.seconds[drop] ?? 0) <= second - hourSeconds) {
    window.hourTotal -= window.counts[drop] ?? 0;
    drop++;
  }
  if (drop > 0) {
    window.seconds.splice(0, drop);
    window.counts.splice(0, drop);
  }
  const day = Math.floor(second / daySeconds);
  if (day > window.day) {
    window.day = day;
    window.spentToday = 0;
  }
}
