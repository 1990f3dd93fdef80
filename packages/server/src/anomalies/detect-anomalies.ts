import type { AnomalyDetection, AnomalyDetector, AnomalyScan, RaisedAlert } from "@openaims/contracts";
import {
  type Detection,
  defaultExfiltrationOptions,
  defaultInjectionBurstOptions,
  defaultShiftOptions,
  detectLevelShift,
  detectMarkerBurst,
  detectRefusalBurst,
  detectSpike,
  detectUnusualToolSequences,
  type Expectation,
  expectedAt,
  inputMarkers,
  learnBaseline,
  medianOfSorted,
  outputMarkers,
  rateScale,
  type SeriesPoint,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { raiseAlert } from "../monitoring/raise-alert.js";
import { ensureAnomalyMetric } from "./anomaly-metrics.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** The short window spikes and refusal bursts of a whole system are judged on. */
export const DETECTION_WINDOW_MINUTES = 10;
/** How far back baselines learn from. */
export const BASELINE_DAYS = 28;
/** Hours of history a system needs before its volume, errors and latency are judged. */
export const MIN_HISTORY_HOURS = 24;
/** Complete hours a level shift is looked for in. */
export const SHIFT_HOURS = 12;
/** Systems with telemetry this recent are scanned. */
const ACTIVE_WITHIN_MS = 2 * HOUR;
/** Sample span ids kept in an alert's evidence. */
const SAMPLES = 10;
/** Captured texts of one caller re-read for samples. */
const CONTENT_ROWS = 500;

/** A detection about a system or one of its callers, with the window and evidence that show it. */
export interface Finding extends Detection {
  systemId: string;
  detector: AnomalyDetector;
  subject: string;
  windowStart: Date;
  windowEnd: Date;
  evidence: Record<string, unknown>;
}

export interface DetectOptions {
  /** Only this AI system. */
  systemId?: string | undefined;
  requestId?: string | null;
  /** Runs each raise in a transaction (default: a new one on `db` each). */
  inTransaction?: <T>(work: (tx: Kysely<Database>) => Promise<T>) => Promise<T>;
}

const floorTo = (ms: number, every: number) => Math.floor(ms / every) * every;

/**
 * Runs every anomaly detector on an organisation's telemetry as of `now`, per AI system and per caller
 * identity, and raises an alert for each detection through the alert flow: one open alert per
 * detector metric and subject, which a repeat extends; a detection whose evidence window a resolved
 * alert already covers raises nothing again. See docs/anomaly-detection.md.
 */
export async function detectAnomalies(
  db: Kysely<Database>,
  orgId: string,
  now: Date,
  options: DetectOptions = {},
): Promise<AnomalyScan> {
  const inTransaction = options.inTransaction ?? ((work) => db.transaction().execute(work));
  const systems = await db
    .selectFrom("telemetry_rollups as r")
    .innerJoin("ai_systems as s", "s.id", "r.system_id")
    .select("r.system_id")
    .distinct()
    .where("r.org_id", "=", orgId)
    .where("s.org_id", "=", orgId)
    .where("s.archived_at", "is", null)
    .where("r.minute", ">=", new Date(now.getTime() - ACTIVE_WITHIN_MS))
    .where("r.minute", "<=", now)
    .$if(options.systemId !== undefined, (q) => q.where("r.system_id", "=", options.systemId as string))
    .orderBy("r.system_id")
    .execute();
  const detections: AnomalyDetection[] = [];
  const alerts: RaisedAlert[] = [];
  for (const { system_id: systemId } of systems) {
    const findings = [...(await systemFindings(db, systemId, now)), ...(await callerFindings(db, systemId, now))];
    for (const finding of findings) {
      detections.push({
        systemId,
        detector: finding.detector,
        subject: finding.subject,
        level: finding.level,
        windowStart: finding.windowStart.toISOString(),
        windowEnd: finding.windowEnd.toISOString(),
        reason: finding.reason,
      });
      const alert = await inTransaction((tx) => raiseFinding(tx, orgId, finding, options.requestId ?? null));
      if (alert) alerts.push(alert);
    }
  }
  return { checked: systems.length, detections, alerts };
}

async function raiseFinding(
  tx: Kysely<Database>,
  orgId: string,
  finding: Finding,
  requestId: string | null,
): Promise<RaisedAlert | null> {
  const metric = await ensureAnomalyMetric(tx, orgId, finding.systemId, finding.detector);
  // Someone resolved an alert that already covered this evidence: the same burst is not raised again.
  // Covered means a resolved alert whose window reaches the end of this one, or, for counted
  // detections, one overlapping this window that had counted at least as many.
  const resolved = await tx
    .selectFrom("metric_alerts")
    .select(["window_end", "evidence"])
    .where("metric_id", "=", metric.id)
    .where("kind", "=", "anomaly")
    .where("subject", "=", finding.subject)
    .where("status", "=", "resolved")
    .where("window_end", ">=", finding.windowStart)
    .execute();
  const count = finding.evidence.count;
  const covered = resolved.some(
    (alert) =>
      (alert.window_end !== null && alert.window_end.getTime() >= finding.windowEnd.getTime()) ||
      (typeof count === "number" && Number((alert.evidence as { count?: unknown } | null)?.count ?? -1) >= count),
  );
  if (covered) return null;
  return raiseAlert(
    tx,
    metric,
    {
      kind: "anomaly",
      level: finding.level,
      firstSeenAt: finding.windowStart,
      lastSeenAt: finding.windowEnd,
      value: finding.score,
      observedAt: finding.windowEnd,
      anomaly: {
        subject: finding.subject,
        detector: finding.detector,
        windowStart: finding.windowStart,
        windowEnd: finding.windowEnd,
        evidence: { reason: finding.reason, ...finding.evidence },
      },
    },
    requestId,
  );
}

const expectationEvidence = (e: Expectation) => ({
  median: e.median,
  scale: e.scale,
  source: e.source,
  points: e.points,
});

// ---------------------------------------------------------------------------------------------------
// The whole system

interface HourRow {
  hour: Date;
  requests: number;
  errors: number;
  refusals: number;
  latency: number;
}

async function systemFindings(db: Kysely<Database>, systemId: string, now: Date): Promise<Finding[]> {
  const findings: Finding[] = [];
  const windowStart = new Date(now.getTime() - DETECTION_WINDOW_MINUTES * MINUTE);
  const window = await db
    .selectFrom("telemetry_rollups")
    .select([
      sql<number>`coalesce(sum(requests), 0)::float8`.as("requests"),
      sql<number>`coalesce(sum(errors), 0)::float8`.as("errors"),
      sql<number>`coalesce(sum(refusals), 0)::float8`.as("refusals"),
    ])
    .where("system_id", "=", systemId)
    .where("minute", ">", windowStart)
    .where("minute", "<=", now)
    .executeTakeFirstOrThrow();
  const historyEnd = floorTo(windowStart.getTime(), HOUR);
  const rows = await db
    .selectFrom("telemetry_rollups")
    .select([
      sql<Date>`date_bin('1 hour', minute, timestamptz '2000-01-03T00:00:00Z')`.as("hour"),
      sql<number>`sum(requests)::float8`.as("requests"),
      sql<number>`sum(errors)::float8`.as("errors"),
      sql<number>`sum(refusals)::float8`.as("refusals"),
      sql<number>`sum(latency_ms_sum)::float8`.as("latency"),
    ])
    .where("system_id", "=", systemId)
    .where("minute", ">=", new Date(historyEnd - BASELINE_DAYS * 24 * HOUR))
    .where("minute", "<", new Date(historyEnd))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const hours = zeroFilledHours(rows as HourRow[], historyEnd);
  const total = hours.reduce(
    (sum, h) => ({ requests: sum.requests + h.requests, refusals: sum.refusals + h.refusals }),
    { requests: 0, refusals: 0 },
  );

  const refusal = detectRefusalBurst(window, total);
  if (refusal) {
    const samples = await refusalSamples(db, systemId, null, windowStart, now);
    findings.push({
      ...refusal,
      systemId,
      detector: "refusal_burst",
      subject: "",
      windowStart: samples.windowStart,
      windowEnd: samples.windowEnd,
      evidence: { refusals: window.refusals, requests: window.requests, baseline: total, ...samples.evidence },
    });
  }

  if (hours.length >= MIN_HISTORY_HOURS) {
    const perMinute = (pick: (h: HourRow) => number): SeriesPoint[] =>
      hours.map((h) => ({ at: h.hour, value: pick(h) / 60 }));
    for (const [detector, pick, count] of [
      ["volume_spike", (h: HourRow) => h.requests, window.requests],
      ["error_spike", (h: HourRow) => h.errors, window.errors],
    ] as const) {
      const expected = expectedAt(learnBaseline(perMinute(pick)), now);
      if (!expected) continue;
      const rate = count / DETECTION_WINDOW_MINUTES;
      const scale = rateScale(expected, DETECTION_WINDOW_MINUTES);
      const spike = detectSpike(rate, count, expected, scale, {
        warningZ: 4,
        criticalZ: 8,
        minCount: detector === "error_spike" ? 10 : 20,
      });
      if (spike)
        findings.push({
          ...spike,
          systemId,
          detector,
          subject: "",
          windowStart,
          windowEnd: now,
          evidence: {
            count,
            perMinute: rate,
            windowMinutes: DETECTION_WINDOW_MINUTES,
            baseline: { ...expectationEvidence(expected), scale },
          },
        });
    }
    findings.push(...shiftFindings(systemId, hours));
  }

  const tools = await toolSequenceFinding(db, systemId, windowStart, now);
  if (tools) findings.push(tools);
  return findings;
}

/** Hourly totals from the first hour seen to the hour before `end`, hours without telemetry as zero. */
function zeroFilledHours(rows: HourRow[], end: number): HourRow[] {
  const first = rows[0];
  if (!first) return [];
  const byHour = new Map(rows.map((r) => [new Date(r.hour).getTime(), r]));
  const hours: HourRow[] = [];
  for (let at = new Date(first.hour).getTime(); at < end; at += HOUR) {
    const row = byHour.get(at);
    hours.push(
      row ? { ...row, hour: new Date(at) } : { hour: new Date(at), requests: 0, errors: 0, refusals: 0, latency: 0 },
    );
  }
  return hours;
}

/** Level shifts of requests (either way) and of mean latency (upwards) over the last complete hours. */
function shiftFindings(systemId: string, hours: HourRow[]): Finding[] {
  const findings: Finding[] = [];
  const recent = hours.slice(-SHIFT_HOURS);
  const earlier = hours.slice(0, -SHIFT_HOURS);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (earlier.length < MIN_HISTORY_HOURS || !first || !last) return findings;
  const windowStart = first.hour;
  const windowEnd = new Date(last.hour.getTime() + HOUR);

  const volume = learnBaseline(earlier.map((h) => ({ at: h.hour, value: h.requests })));
  const volumePoints = recent.flatMap((h) => {
    const expected = expectedAt(volume, h.hour);
    return expected ? [{ value: h.requests, expected }] : [];
  });
  const volumeShift = detectLevelShift(volumePoints);
  if (volumeShift && recent.some((h) => h.requests >= 20 || volumePoints.some((p) => p.expected.median >= 20)))
    findings.push({
      ...volumeShift,
      systemId,
      detector: "volume_shift",
      subject: "",
      windowStart,
      windowEnd,
      evidence: { direction: volumeShift.direction, hourly: recent.map((h) => h.requests), cusum: volumeShift.score },
    });

  const meanLatency = (h: HourRow) => h.latency / h.requests;
  const latency = learnBaseline(
    earlier.filter((h) => h.requests >= 5).map((h) => ({ at: h.hour, value: meanLatency(h) })),
    { absoluteFloor: 5 },
  );
  const latencyPoints = recent
    .filter((h) => h.requests >= 5)
    .flatMap((h) => {
      const expected = expectedAt(latency, h.hour);
      return expected ? [{ value: meanLatency(h), expected }] : [];
    });
  const latencyShift = detectLevelShift(latencyPoints, { ...defaultShiftOptions, upOnly: true });
  if (latencyShift)
    findings.push({
      ...latencyShift,
      systemId,
      detector: "latency_shift",
      subject: "",
      windowStart,
      windowEnd,
      evidence: { hourlyMeanMs: latencyPoints.map((p) => Math.round(p.value)), cusum: latencyShift.score },
    });
  return findings;
}

async function toolSequenceFinding(
  db: Kysely<Database>,
  systemId: string,
  since: Date,
  now: Date,
): Promise<Finding | null> {
  const transitions = await db
    .selectFrom("telemetry_tool_transitions")
    .select(["from_tool", "to_tool", sql<number>`count::float8`.as("count"), "first_seen_at"])
    .where("system_id", "=", systemId)
    .execute();
  const found = detectUnusualToolSequences(
    transitions.map((t) => ({ from: t.from_tool, to: t.to_tool, count: t.count, firstSeenAt: t.first_seen_at })),
    since,
  );
  if (!found) return null;
  const newTools = [...new Set(found.transitions.map((t) => t.to))];
  const samples = await db
    .selectFrom("telemetry_spans")
    .select(["span_id", "trace_id", "caller", "tool_name", "started_at"])
    .where("system_id", "=", systemId)
    .where("tool_name", "in", newTools)
    .where("started_at", ">=", since)
    .where("started_at", "<=", now)
    .orderBy("started_at")
    .limit(SAMPLES)
    .execute();
  const first = found.transitions[0]?.firstSeenAt ?? since;
  return {
    ...found,
    systemId,
    detector: "tool_sequence",
    subject: "",
    windowStart: first,
    windowEnd: new Date(Math.max(...found.transitions.map((t) => t.firstSeenAt.getTime()))),
    evidence: {
      transitions: found.transitions.map((t) => ({ from: t.from, to: t.to, count: t.count })),
      samples: samples.map((s) => ({
        spanId: s.span_id,
        traceId: s.trace_id,
        caller: s.caller,
        tool: s.tool_name,
        at: s.started_at.toISOString(),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Per caller

async function callerFindings(db: Kysely<Database>, systemId: string, now: Date): Promise<Finding[]> {
  const findings: Finding[] = [];
  // The current hour and the one before: a burst at the turn of the hour is seen whole.
  const since = new Date(floorTo(now.getTime(), HOUR) - HOUR);
  const callers = await db
    .selectFrom("telemetry_caller_rollups")
    .select([
      "caller",
      sql<number>`sum(requests)::float8`.as("requests"),
      sql<number>`sum(refusals)::float8`.as("refusals"),
      sql<number>`sum(injection_markers)::float8`.as("injection"),
      sql<number>`sum(exfiltration_markers)::float8`.as("exfiltration"),
      sql<Date>`min(hour)`.as("first_hour"),
      sql<Date>`max(hour)`.as("last_hour"),
    ])
    .where("system_id", "=", systemId)
    .where("hour", ">=", since)
    .where("hour", "<=", now)
    .groupBy("caller")
    .having(sql<boolean>`sum(injection_markers) + sum(exfiltration_markers) + sum(refusals) > 0`)
    .orderBy("caller")
    .execute();
  if (callers.length === 0) return findings;
  const systemBaseline = await db
    .selectFrom("telemetry_rollups")
    .select([
      sql<number>`coalesce(sum(requests), 0)::float8`.as("requests"),
      sql<number>`coalesce(sum(refusals), 0)::float8`.as("refusals"),
    ])
    .where("system_id", "=", systemId)
    .where("minute", ">=", new Date(since.getTime() - BASELINE_DAYS * 24 * HOUR))
    .where("minute", "<", since)
    .executeTakeFirstOrThrow();

  for (const caller of callers) {
    const history = await db
      .selectFrom("telemetry_caller_rollups")
      .select(["hour", "injection_markers", "exfiltration_markers"])
      .where("system_id", "=", systemId)
      .where("caller", "=", caller.caller)
      .where("hour", ">=", new Date(since.getTime() - BASELINE_DAYS * 24 * HOUR))
      .where("hour", "<", since)
      .orderBy("hour")
      .execute();
    const fallback = await callerSpanWindow(db, systemId, caller.caller, since, now);
    for (const [detector, count, options, pick] of [
      ["injection_markers", caller.injection, defaultInjectionBurstOptions, "injection_markers"],
      ["exfiltration", caller.exfiltration, defaultExfiltrationOptions, "exfiltration_markers"],
    ] as const) {
      if (count <= 0) continue;
      const usual = usualPerHour(
        history.map((h) => ({ hour: h.hour, value: h[pick] })),
        since,
      );
      const burst = detectMarkerBurst(count, usual, options);
      if (!burst) continue;
      const samples = await markedSamples(db, systemId, caller.caller, since, now, detector);
      findings.push({
        ...burst,
        systemId,
        detector,
        subject: caller.caller,
        ...(samples.first && samples.last ? { windowStart: samples.first, windowEnd: samples.last } : fallback),
        evidence: {
          count,
          requests: caller.requests,
          usualPerHour: usual,
          thresholds: { warning: options.warningCount, critical: options.criticalCount },
          samples: samples.samples,
        },
      });
    }
    if (caller.refusals > 0) {
      const refusal = detectRefusalBurst(caller, systemBaseline);
      if (refusal) {
        const samples = await refusalSamples(db, systemId, caller.caller, since, now);
        findings.push({
          ...refusal,
          systemId,
          detector: "refusal_burst",
          subject: caller.caller,
          ...(samples.windowStart.getTime() < samples.windowEnd.getTime()
            ? { windowStart: samples.windowStart, windowEnd: samples.windowEnd }
            : fallback),
          evidence: {
            refusals: caller.refusals,
            requests: caller.requests,
            baseline: systemBaseline,
            ...samples.evidence,
          },
        });
      }
    }
  }
  return findings;
}

/** From the caller's first to its last span in the window (the whole window when its spans are gone). */
async function callerSpanWindow(db: Kysely<Database>, systemId: string, caller: string, since: Date, now: Date) {
  const row = await db
    .selectFrom("telemetry_spans")
    .select([sql<Date | null>`min(started_at)`.as("first"), sql<Date | null>`max(started_at)`.as("last")])
    .where("system_id", "=", systemId)
    .where("caller", "=", caller)
    .where("started_at", ">=", since)
    .where("started_at", "<=", now)
    .executeTakeFirst();
  return {
    windowStart: row?.first ? new Date(row.first) : since,
    windowEnd: row?.last ? new Date(row.last) : now,
  };
}

/** The median of a caller's hourly counts from its first hour seen until `end`, hours without any as zero. */
function usualPerHour(history: { hour: Date; value: number }[], end: Date): number {
  const first = history[0];
  if (!first) return 0;
  const hours = Math.max(1, Math.round((end.getTime() - new Date(first.hour).getTime()) / HOUR));
  const values = history.map((h) => h.value);
  while (values.length < hours) values.push(0);
  return medianOfSorted(values.sort((a, b) => a - b));
}

/**
 * Sample spans of a caller's marked texts in the window: the captured texts (kept only for systems
 * that capture content) read again with the same markers. The window runs from the first to the last
 * marked text; none when no text was captured.
 */
async function markedSamples(
  db: Kysely<Database>,
  systemId: string,
  caller: string,
  since: Date,
  now: Date,
  detector: "injection_markers" | "exfiltration",
) {
  const rows = await db
    .selectFrom("telemetry_content")
    .select(["span_id", "trace_id", "started_at", "input_text", "output_text"])
    .where("system_id", "=", systemId)
    .where("caller", "=", caller)
    .where("started_at", ">=", since)
    .where("started_at", "<=", now)
    .orderBy("started_at")
    .limit(CONTENT_ROWS)
    .execute();
  const samples: { spanId: string; traceId: string; at: string; markers: string[] }[] = [];
  let first: Date | null = null;
  let last: Date | null = null;
  for (const row of rows) {
    const text = detector === "injection_markers" ? row.input_text : row.output_text;
    if (!text) continue;
    const hits = detector === "injection_markers" ? inputMarkers(text) : outputMarkers(text, { input: row.input_text });
    if (hits.length === 0) continue;
    first ??= row.started_at;
    last = row.started_at;
    if (samples.length < SAMPLES)
      samples.push({
        spanId: row.span_id,
        traceId: row.trace_id,
        at: row.started_at.toISOString(),
        markers: hits.map((hit) => hit.kind),
      });
  }
  return { samples, first, last };
}

/** Refused spans of the system (or one caller) in the window, and the window they span. */
async function refusalSamples(db: Kysely<Database>, systemId: string, caller: string | null, since: Date, now: Date) {
  const rows = await db
    .selectFrom("telemetry_spans")
    .select(["span_id", "trace_id", "caller", "started_at"])
    .where("system_id", "=", systemId)
    .where("refused", "=", true)
    .where("started_at", ">=", since)
    .where("started_at", "<=", now)
    .$if(caller !== null, (q) => q.where("caller", "=", caller as string))
    .orderBy("started_at")
    .limit(1000)
    .execute();
  const first = rows[0]?.started_at ?? since;
  const last = rows[rows.length - 1]?.started_at ?? now;
  return {
    windowStart: first,
    windowEnd: last,
    evidence: {
      samples: rows.slice(0, SAMPLES).map((r) => ({
        spanId: r.span_id,
        traceId: r.trace_id,
        caller: r.caller,
        at: r.started_at.toISOString(),
      })),
    },
  };
}
