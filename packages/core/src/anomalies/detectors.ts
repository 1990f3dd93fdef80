/**
 * The anomaly detectors' decisions, as pure functions of counts and baselines; the server gathers the
 * numbers and raises the alerts. Thresholds are stated here and in docs/anomaly-detection.md.
 */
import type { AlertLevel } from "@openaims/contracts";
import { type Expectation, robustZ } from "./baseline.js";

/** A detection: its level and the statistic that decided it. */
export interface Detection {
  level: AlertLevel;
  /** The statistic compared with the thresholds (robust z, CUSUM sum, count, share …). */
  score: number;
  reason: string;
}

export interface SpikeOptions {
  warningZ: number;
  criticalZ: number;
  /** Events the window must hold before it can be a spike. */
  minCount: number;
}

export const defaultSpikeOptions: SpikeOptions = { warningZ: 4, criticalZ: 8, minCount: 20 };

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The spread of a per-minute rate averaged over `windowMinutes`: the baseline's spread, but at least
 * the counting noise of that many minutes of a Poisson process at the baseline's rate, √(median / W).
 */
export function rateScale(expected: Expectation, windowMinutes: number): number {
  return Math.max(expected.scale, Math.sqrt(Math.max(expected.median, 1) / windowMinutes));
}

/**
 * A spike: the window's value lies warningZ (criticalZ) spreads or more above what the baseline
 * expects at that hour of the week, and the window holds at least minCount events.
 */
export function detectSpike(
  value: number,
  count: number,
  expected: Expectation,
  scale: number = expected.scale,
  options: SpikeOptions = defaultSpikeOptions,
): Detection | null {
  if (count < options.minCount) return null;
  const z = robustZ(value, { ...expected, scale });
  if (z < options.warningZ) return null;
  return {
    level: z >= options.criticalZ ? "critical" : "warning",
    score: round(z),
    reason: `${round(value)} against a median of ${round(expected.median)} (spread ${round(scale)}): robust z ${round(z)}`,
  };
}

export interface ShiftOptions {
  /** Slack per point, in spreads (k). */
  slack: number;
  /** The sum that signals a shift (h). */
  threshold: number;
  /** Each point's robust z is clipped to ± this before it is added, so one outlier cannot make a shift. */
  clip: number;
  /** Only upward shifts (latency, errors), or both. */
  upOnly: boolean;
}

export const defaultShiftOptions: ShiftOptions = { slack: 0.5, threshold: 8, clip: 3, upOnly: false };

/**
 * A level shift by a robust CUSUM over consecutive points, each standardised by its own hour's
 * expectation: S⁺ₜ = max(0, S⁺ₜ₋₁ + min(zₜ, c) − k) and S⁻ₜ = max(0, S⁻ₜ₋₁ − max(zₜ, −c) − k).
 * A shift is signalled when either reaches h at the last point; critical at 2h.
 */
export function detectLevelShift(
  points: ReadonlyArray<{ value: number; expected: Expectation }>,
  options: ShiftOptions = defaultShiftOptions,
): (Detection & { direction: "up" | "down" }) | null {
  let up = 0;
  let down = 0;
  for (const point of points) {
    const z = robustZ(point.value, point.expected);
    up = Math.max(0, up + Math.min(z, options.clip) - options.slack);
    down = Math.max(0, down - Math.max(z, -options.clip) - options.slack);
  }
  const direction = up >= down || options.upOnly ? "up" : "down";
  const sum = direction === "up" ? up : down;
  if (sum < options.threshold) return null;
  return {
    direction,
    level: sum >= 2 * options.threshold ? "critical" : "warning",
    score: round(sum),
    reason: `CUSUM ${round(sum)} ${direction} over ${points.length} points (threshold ${options.threshold})`,
  };
}

export interface RefusalBurstOptions {
  minRefusals: number;
  /** The window's share must be at least this multiple of the baseline share … */
  shareRatio: number;
  /** … and at least this much above it. */
  shareIncrease: number;
  /** Binomial z the count must reach. */
  minZ: number;
  /** Baseline share used until the baseline holds minBaselineRequests requests. */
  priorShare: number;
  minBaselineRequests: number;
  /** Critical from this share with at least criticalRefusals refusals. */
  criticalShare: number;
  criticalRefusals: number;
}

export const defaultRefusalBurstOptions: RefusalBurstOptions = {
  minRefusals: 5,
  shareRatio: 3,
  shareIncrease: 0.1,
  minZ: 4,
  priorShare: 0.05,
  minBaselineRequests: 100,
  criticalShare: 0.5,
  criticalRefusals: 20,
};

/**
 * A burst of refusals: in a short window, at least minRefusals refusals, a share of requests at
 * least shareRatio times and shareIncrease above the baseline share p₀ (never taken below 1 %), and
 * a binomial z = (r − n·p₀) / √(n·p₀·(1 − p₀)) of at least minZ.
 */
export function detectRefusalBurst(
  window: { refusals: number; requests: number },
  baseline: { refusals: number; requests: number },
  options: RefusalBurstOptions = defaultRefusalBurstOptions,
): Detection | null {
  const { refusals, requests } = window;
  if (refusals < options.minRefusals || requests <= 0) return null;
  const p0 = Math.max(
    0.01,
    baseline.requests >= options.minBaselineRequests ? baseline.refusals / baseline.requests : options.priorShare,
  );
  const share = refusals / requests;
  const z = (refusals - requests * p0) / Math.sqrt(requests * p0 * (1 - p0));
  if (share < options.shareRatio * p0 || share - p0 < options.shareIncrease || z < options.minZ) return null;
  return {
    level: share >= options.criticalShare && refusals >= options.criticalRefusals ? "critical" : "warning",
    score: round(share),
    reason: `${refusals} of ${requests} requests refused (${round(share * 100, 1)} %) against a baseline of ${round(p0 * 100, 1)} %`,
  };
}

export interface MarkerBurstOptions {
  warningCount: number;
  criticalCount: number;
  /** The count must also be this multiple of the subject's usual hourly count plus one. */
  baselineMultiple: number;
}

/**
 * Prompt-injection markers in one window from one subject: warning from 2, critical from 5 marked
 * inputs, each time only when the count is at least 3 × (the subject's usual hourly count + 1).
 */
export const defaultInjectionBurstOptions: MarkerBurstOptions = {
  warningCount: 2,
  criticalCount: 5,
  baselineMultiple: 3,
};

/** Exfiltration patterns in outputs: one is a warning, three in a window are critical. */
export const defaultExfiltrationOptions: MarkerBurstOptions = {
  warningCount: 1,
  criticalCount: 3,
  baselineMultiple: 1,
};

/** A burst of marked texts from one subject against its usual hourly count of them. */
export function detectMarkerBurst(count: number, usualPerHour: number, options: MarkerBurstOptions): Detection | null {
  const floor = options.baselineMultiple * (usualPerHour + 1);
  if (count < options.warningCount || count < floor) return null;
  return {
    level: count >= options.criticalCount && count >= floor ? "critical" : "warning",
    score: count,
    reason: `${count} marked in the window against a usual ${round(usualPerHour)} an hour`,
  };
}

export interface ToolTransition {
  from: string;
  to: string;
  count: number;
  firstSeenAt: Date;
}

export interface ToolSequenceOptions {
  /** Transitions a system's history must hold before a new one counts as unusual. */
  minHistory: number;
  /** A transition seen at most this often, first seen within the window, is unusual. */
  rareCount: number;
}

export const defaultToolSequenceOptions: ToolSequenceOptions = { minHistory: 200, rareCount: 3 };

/**
 * Unusual tool-call sequences: transitions first seen since `since` and seen at most rareCount
 * times, in a system whose earlier history holds at least minHistory transitions. Always a warning:
 * a new tool path is worth a look, not an incident by itself.
 */
export function detectUnusualToolSequences(
  transitions: readonly ToolTransition[],
  since: Date,
  options: ToolSequenceOptions = defaultToolSequenceOptions,
): (Detection & { transitions: ToolTransition[] }) | null {
  let history = 0;
  const unusual: ToolTransition[] = [];
  for (const transition of transitions) {
    if (transition.firstSeenAt.getTime() >= since.getTime()) {
      if (transition.count <= options.rareCount) unusual.push(transition);
    } else history += transition.count;
  }
  if (history < options.minHistory || unusual.length === 0) return null;
  unusual.sort((a, b) => a.firstSeenAt.getTime() - b.firstSeenAt.getTime() || a.from.localeCompare(b.from));
  return {
    level: "warning",
    score: unusual.length,
    reason: `${unusual.length} tool-call transition${unusual.length === 1 ? "" : "s"} never seen before: ${unusual
      .slice(0, 5)
      .map((t) => `${t.from} → ${t.to}`)
      .join(", ")}`,
    transitions: unusual,
  };
}
