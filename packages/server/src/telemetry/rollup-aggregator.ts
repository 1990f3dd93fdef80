import { emptyHistogram, latencyBucket } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { scheduleAnomalyCheck } from "../anomalies/schedule-anomaly-check.js";
import type { SystemSpans } from "./ingest-spans.js";
import { ensureTelemetryMetrics, type MinuteTotals, recordTelemetryObservations } from "./telemetry-metrics.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

interface MinuteDelta {
  orgId: string;
  systemId: string;
  minute: number;
  requests: number;
  errors: number;
  latencySum: number;
  histogram: number[];
  inputTokens: number;
  outputTokens: number;
  cost: number;
  refusals: number;
  tools: Record<string, number>;
  guardFindings: number;
  injectionMarkers: number;
  exfiltrationMarkers: number;
}

interface CallerDelta {
  orgId: string;
  systemId: string;
  caller: string;
  hour: number;
  requests: number;
  errors: number;
  refusals: number;
  injectionMarkers: number;
  exfiltrationMarkers: number;
}

interface TransitionDelta {
  orgId: string;
  systemId: string;
  from: string;
  to: string;
  count: number;
  first: number;
  last: number;
}

/**
 * Adds spans up in memory and writes the sums every flush (a second by default): per-minute rollups
 * per system and per-hour rollups per caller are upserted additively, so several servers can share
 * the tables; tool transitions are counted; each touched minute's telemetry metric observations are
 * replaced with the minute's totals; and systems whose spans showed markers or refusals get an
 * anomaly check. Spans are stored before they are added here, so a crash loses at most one flush
 * period of rollups, never spans.
 */
/** GenAI operations that wrap or follow model calls rather than being one. */
const NOT_MODEL_CALLS = new Set(["execute_tool", "invoke_agent", "create_agent"]);

/**
 * Whether a span is a call to a model (chat, text completion, content generation, embeddings, or another
 * operation or span naming a model). Tool calls, agent invocations around model calls, and the
 * application's own HTTP or database spans are stored but are not requests.
 */
function isModelCall(s: { operation: string | null; requestModel: string | null; responseModel: string | null }) {
  if (s.operation !== null && NOT_MODEL_CALLS.has(s.operation)) return false;
  return s.operation !== null || s.requestModel !== null || s.responseModel !== null;
}

export class RollupAggregator {
  private minutes = new Map<string, MinuteDelta>();
  private callers = new Map<string, CallerDelta>();
  private transitions = new Map<string, TransitionDelta>();
  private flagged = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly flushEveryMs = 1000,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush().catch(this.onError), this.flushEveryMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Counts a stored batch's spans into the pending sums. */
  add(batch: readonly SystemSpans[]): void {
    for (const { orgId, systemId, spans } of batch) {
      const tools = new Map<string, { at: number; tool: string }[]>();
      for (const s of spans) {
        const minute = Math.floor(s.startedAt / MINUTE_MS) * MINUTE_MS;
        const key = `${systemId}|${minute}`;
        let m = this.minutes.get(key);
        if (!m) {
          m = {
            orgId,
            systemId,
            minute,
            requests: 0,
            errors: 0,
            latencySum: 0,
            histogram: emptyHistogram(),
            inputTokens: 0,
            outputTokens: 0,
            cost: 0,
            refusals: 0,
            tools: {},
            guardFindings: 0,
            injectionMarkers: 0,
            exfiltrationMarkers: 0,
          };
          this.minutes.set(key, m);
        }
        // Requests, errors and latency are the model calls'; a tool call inside one is counted under tools.
        const modelCall = isModelCall(s);
        if (modelCall) {
          m.requests++;
          if (s.error) m.errors++;
          m.latencySum += s.durationMs;
          const bucket = latencyBucket(s.durationMs);
          m.histogram[bucket] = (m.histogram[bucket] ?? 0) + 1;
        }
        m.inputTokens += s.inputTokens ?? 0;
        m.outputTokens += s.outputTokens ?? 0;
        m.cost += s.cost ?? 0;
        if (s.refused) m.refusals++;
        m.guardFindings += s.guardFindings;
        m.injectionMarkers += s.injectionMarkers;
        m.exfiltrationMarkers += s.exfiltrationMarkers;
        if (s.toolName !== null && s.operation === "execute_tool") {
          m.tools[s.toolName] = (m.tools[s.toolName] ?? 0) + 1;
          const list = tools.get(s.traceId) ?? [];
          list.push({ at: s.startedAt, tool: s.toolName });
          tools.set(s.traceId, list);
        }
        if (s.refused || s.injectionMarkers > 0 || s.exfiltrationMarkers > 0) this.flagged.set(systemId, orgId);
        if (s.caller !== null) {
          const hour = Math.floor(s.startedAt / HOUR_MS) * HOUR_MS;
          const callerKey = `${systemId}|${s.caller}|${hour}`;
          let c = this.callers.get(callerKey);
          if (!c) {
            c = {
              orgId,
              systemId,
              caller: s.caller,
              hour,
              requests: 0,
              errors: 0,
              refusals: 0,
              injectionMarkers: 0,
              exfiltrationMarkers: 0,
            };
            this.callers.set(callerKey, c);
          }
          if (modelCall) c.requests++;
          if (modelCall && s.error) c.errors++;
          if (s.refused) c.refusals++;
          c.injectionMarkers += s.injectionMarkers;
          c.exfiltrationMarkers += s.exfiltrationMarkers;
        }
      }
      // Consecutive tool calls of one trace within this batch, in start order.
      for (const calls of tools.values()) {
        calls.sort((a, b) => a.at - b.at);
        for (let i = 1; i < calls.length; i++) {
          const from = calls[i - 1] as { at: number; tool: string };
          const to = calls[i] as { at: number; tool: string };
          const key = `${systemId}|${from.tool}|${to.tool}`;
          const t = this.transitions.get(key);
          if (t) {
            t.count++;
            t.first = Math.min(t.first, to.at);
            t.last = Math.max(t.last, to.at);
          } else
            this.transitions.set(key, {
              orgId,
              systemId,
              from: from.tool,
              to: to.tool,
              count: 1,
              first: to.at,
              last: to.at,
            });
        }
      }
    }
  }

  /** Writes the pending sums in one transaction; on failure they are kept for the next flush. */
  flush(): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(() => this.write());
    this.running = next.finally(() => {
      if (this.running === next) this.running = null;
    });
    return next;
  }

  private async write(): Promise<void> {
    if (this.minutes.size === 0 && this.callers.size === 0 && this.transitions.size === 0) return;
    const minutes = this.minutes;
    const callers = this.callers;
    const transitions = this.transitions;
    const flagged = this.flagged;
    this.minutes = new Map();
    this.callers = new Map();
    this.transitions = new Map();
    this.flagged = new Map();
    try {
      await this.db.transaction().execute(async (tx) => {
        const totals = await upsertMinutes(tx, [...minutes.values()]);
        await upsertCallers(tx, [...callers.values()]);
        await upsertTransitions(tx, [...transitions.values()]);
        const metricsBySystem = new Map<string, Awaited<ReturnType<typeof ensureTelemetryMetrics>>>();
        for (const row of totals) {
          if (!metricsBySystem.has(row.system_id))
            metricsBySystem.set(row.system_id, await ensureTelemetryMetrics(tx, row.org_id, row.system_id));
        }
        await recordTelemetryObservations(
          tx,
          totals.map((row) => ({ metrics: metricsBySystem.get(row.system_id) ?? [], minute: row.minute, totals: row })),
        );
        for (const [systemId, orgId] of flagged) await scheduleAnomalyCheck(tx, orgId, systemId);
      });
    } catch (error) {
      this.requeue(minutes, callers, transitions, flagged);
      throw error;
    }
  }

  private requeue(
    minutes: Map<string, MinuteDelta>,
    callers: Map<string, CallerDelta>,
    transitions: Map<string, TransitionDelta>,
    flagged: Map<string, string>,
  ): void {
    for (const [key, m] of minutes) {
      const now = this.minutes.get(key);
      if (!now) {
        this.minutes.set(key, m);
        continue;
      }
      now.requests += m.requests;
      now.errors += m.errors;
      now.latencySum += m.latencySum;
      m.histogram.forEach((count, i) => {
        now.histogram[i] = (now.histogram[i] ?? 0) + count;
      });
      now.inputTokens += m.inputTokens;
      now.outputTokens += m.outputTokens;
      now.cost += m.cost;
      now.refusals += m.refusals;
      for (const [tool, n] of Object.entries(m.tools)) now.tools[tool] = (now.tools[tool] ?? 0) + n;
      now.guardFindings += m.guardFindings;
      now.injectionMarkers += m.injectionMarkers;
      now.exfiltrationMarkers += m.exfiltrationMarkers;
    }
    for (const [key, c] of callers) {
      const now = this.callers.get(key);
      if (!now) this.callers.set(key, c);
      else {
        now.requests += c.requests;
        now.errors += c.errors;
        now.refusals += c.refusals;
        now.injectionMarkers += c.injectionMarkers;
        now.exfiltrationMarkers += c.exfiltrationMarkers;
      }
    }
    for (const [key, t] of transitions) {
      const now = this.transitions.get(key);
      if (!now) this.transitions.set(key, t);
      else {
        now.count += t.count;
        now.first = Math.min(now.first, t.first);
        now.last = Math.max(now.last, t.last);
      }
    }
    for (const [systemId, orgId] of flagged) this.flagged.set(systemId, orgId);
  }
}

type MinuteRow = MinuteTotals & { org_id: string; system_id: string; minute: Date };

/** Adds each minute's sums to its row (creating it), returning the rows' new totals. */
async function upsertMinutes(tx: Kysely<Database>, deltas: MinuteDelta[]): Promise<MinuteRow[]> {
  if (deltas.length === 0) return [];
  const rows = deltas.map((d) => ({
    org_id: d.orgId,
    system_id: d.systemId,
    minute: new Date(d.minute).toISOString(),
    requests: d.requests,
    errors: d.errors,
    latency_ms_sum: d.latencySum,
    latency_histogram: d.histogram,
    input_tokens: d.inputTokens,
    output_tokens: d.outputTokens,
    cost: d.cost,
    refusals: d.refusals,
    tool_calls: d.tools,
    guard_findings: d.guardFindings,
    injection_markers: d.injectionMarkers,
    exfiltration_markers: d.exfiltrationMarkers,
  }));
  const result = await sql<MinuteRow>`insert into telemetry_rollups as r (org_id, system_id, minute, requests, errors,
      latency_ms_sum, latency_histogram, input_tokens, output_tokens, cost, refusals, tool_calls, guard_findings,
      injection_markers, exfiltration_markers, updated_at)
    select org_id, system_id, minute, requests, errors, latency_ms_sum, latency_histogram, input_tokens, output_tokens,
      cost, refusals, tool_calls, guard_findings, injection_markers, exfiltration_markers, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(org_id uuid, system_id uuid, minute timestamptz,
      requests int, errors int, latency_ms_sum float8, latency_histogram int[], input_tokens bigint,
      output_tokens bigint, cost float8, refusals int, tool_calls jsonb, guard_findings int, injection_markers int,
      exfiltration_markers int)
    on conflict (system_id, minute) do update set
      requests = r.requests + excluded.requests,
      errors = r.errors + excluded.errors,
      latency_ms_sum = r.latency_ms_sum + excluded.latency_ms_sum,
      latency_histogram = (select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
        from unnest(r.latency_histogram, excluded.latency_histogram) with ordinality as h(a, b, i)),
      input_tokens = r.input_tokens + excluded.input_tokens,
      output_tokens = r.output_tokens + excluded.output_tokens,
      cost = r.cost + excluded.cost,
      refusals = r.refusals + excluded.refusals,
      tool_calls = (select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
        select k, sum(v::text::bigint) as n from (
          select * from jsonb_each(r.tool_calls) union all select * from jsonb_each(excluded.tool_calls)
        ) as e(k, v) group by k) as t),
      guard_findings = r.guard_findings + excluded.guard_findings,
      injection_markers = r.injection_markers + excluded.injection_markers,
      exfiltration_markers = r.exfiltration_markers + excluded.exfiltration_markers,
      updated_at = now()
    returning org_id, system_id, minute, requests, errors, latency_histogram, input_tokens, output_tokens, cost,
      refusals, tool_calls, guard_findings`.execute(tx);
  return result.rows;
}

async function upsertCallers(tx: Kysely<Database>, deltas: CallerDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const rows = deltas.map((d) => ({
    org_id: d.orgId,
    system_id: d.systemId,
    caller: d.caller,
    hour: new Date(d.hour).toISOString(),
    requests: d.requests,
    errors: d.errors,
    refusals: d.refusals,
    injection_markers: d.injectionMarkers,
    exfiltration_markers: d.exfiltrationMarkers,
  }));
  await sql`insert into telemetry_caller_rollups as r (org_id, system_id, caller, hour, requests, errors, refusals,
      injection_markers, exfiltration_markers)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(org_id uuid, system_id uuid, caller text,
      hour timestamptz, requests int, errors int, refusals int, injection_markers int, exfiltration_markers int)
    on conflict (system_id, caller, hour) do update set
      requests = r.requests + excluded.requests,
      errors = r.errors + excluded.errors,
      refusals = r.refusals + excluded.refusals,
      injection_markers = r.injection_markers + excluded.injection_markers,
      exfiltration_markers = r.exfiltration_markers + excluded.exfiltration_markers`.execute(tx);
}

async function upsertTransitions(tx: Kysely<Database>, deltas: TransitionDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const rows = deltas.map((d) => ({
    org_id: d.orgId,
    system_id: d.systemId,
    from_tool: d.from,
    to_tool: d.to,
    count: d.count,
    first_seen_at: new Date(d.first).toISOString(),
    last_seen_at: new Date(d.last).toISOString(),
  }));
  await sql`insert into telemetry_tool_transitions as r (org_id, system_id, from_tool, to_tool, count, first_seen_at,
      last_seen_at)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(org_id uuid, system_id uuid, from_tool text,
      to_tool text, count bigint, first_seen_at timestamptz, last_seen_at timestamptz)
    on conflict (system_id, from_tool, to_tool) do update set
      count = r.count + excluded.count,
      first_seen_at = least(r.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(r.last_seen_at, excluded.last_seen_at)`.execute(tx);
}
