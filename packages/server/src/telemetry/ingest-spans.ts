import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { intakeContext } from "./intake-context.js";
import { type MappedSpan, mapGenAiSpan } from "./map-genai-span.js";
import { attrString, type OtlpResourceSpans } from "./otlp-model.js";
import { redactContent } from "./redact-content.js";

/** The spans of one AI system in a batch, as stored. */
export interface SystemSpans {
  orgId: string;
  systemId: string;
  spans: MappedSpan[];
}

export interface IngestResult {
  accepted: number;
  rejected: number;
  /** Values of the system attribute that name no AI system of the organisation (at most 20). */
  unknownServices: string[];
  bySystem: SystemSpans[];
}

/**
 * Maps a batch's spans to the organisation's AI systems, stores them (one statement) and, for systems
 * that capture content, their redacted text. Spans naming no known system are counted, not stored.
 */
export async function ingestSpans(
  db: Kysely<Database>,
  orgId: string,
  batch: OtlpResourceSpans[],
): Promise<IngestResult> {
  const context = await intakeContext(db, orgId);
  const unknown = new Set<string>();
  let rejected = 0;
  const bySystem = new Map<string, SystemSpans & { capture: boolean; retentionDays: number }>();
  for (const resourceSpans of batch) {
    if (resourceSpans.spans.length === 0) continue;
    const name = attrString(resourceSpans.resource, context.systemAttribute);
    const system = name === null ? undefined : context.systems.get(name);
    if (!system) {
      rejected += resourceSpans.spans.length;
      unknown.add(name === null ? `(no ${context.systemAttribute})` : name.slice(0, 100));
      continue;
    }
    let entry = bySystem.get(system.id);
    if (!entry) {
      entry = {
        orgId,
        systemId: system.id,
        spans: [],
        capture: system.captureContent,
        retentionDays: system.contentRetentionDays,
      };
      bySystem.set(system.id, entry);
    }
    for (const span of resourceSpans.spans)
      entry.spans.push(mapGenAiSpan(span, resourceSpans.resource, context.callerAttribute, context.prices));
  }
  const systems = [...bySystem.values()];
  const accepted = systems.reduce((n, s) => n + s.spans.length, 0);
  if (accepted > 0) {
    const captured = systems.filter(
      (s) => s.capture && s.spans.some((span) => span.inputText !== null || span.outputText !== null),
    );
    if (captured.length === 0) await insertSpans(db, orgId, systems);
    else
      await db.transaction().execute(async (tx) => {
        await insertSpans(tx, orgId, systems);
        await insertContent(tx, orgId, captured);
      });
  }
  return {
    accepted,
    rejected,
    unknownServices: [...unknown].slice(0, 20),
    bySystem: systems.map(({ orgId: o, systemId, spans }) => ({ orgId: o, systemId, spans })),
  };
}

/**
 * Appends spans with one statement whatever their number: each column travels as one array, systems
 * as positions in a short list, times as epoch milliseconds.
 */
async function insertSpans(db: Kysely<Database>, orgId: string, systems: SystemSpans[]): Promise<void> {
  const systemIds = systems.map((s) => s.systemId);
  const cols = {
    sys: [] as number[],
    trace: [] as string[],
    span: [] as string[],
    parent: [] as (string | null)[],
    name: [] as string[],
    operation: [] as (string | null)[],
    provider: [] as (string | null)[],
    requestModel: [] as (string | null)[],
    responseModel: [] as (string | null)[],
    started: [] as number[],
    duration: [] as number[],
    error: [] as boolean[],
    inputTokens: [] as (number | null)[],
    outputTokens: [] as (number | null)[],
    finish: [] as (string | null)[],
    caller: [] as (string | null)[],
    tool: [] as (string | null)[],
    refused: [] as boolean[],
    guard: [] as number[],
    cost: [] as (number | null)[],
    attributes: [] as (string | null)[],
  };
  systems.forEach((system, position) => {
    for (const s of system.spans) {
      cols.sys.push(position + 1);
      cols.trace.push(s.traceId);
      cols.span.push(s.spanId);
      cols.parent.push(s.parentSpanId);
      cols.name.push(s.name);
      cols.operation.push(s.operation);
      cols.provider.push(s.provider);
      cols.requestModel.push(s.requestModel);
      cols.responseModel.push(s.responseModel);
      cols.started.push(s.startedAt);
      cols.duration.push(s.durationMs);
      cols.error.push(s.error);
      cols.inputTokens.push(s.inputTokens);
      cols.outputTokens.push(s.outputTokens);
      cols.finish.push(s.finishReasons);
      cols.caller.push(s.caller);
      cols.tool.push(s.toolName);
      cols.refused.push(s.refused);
      cols.guard.push(s.guardFindings);
      cols.cost.push(s.cost);
      cols.attributes.push(s.attributes ? JSON.stringify(s.attributes) : null);
    }
  });
  await sql`insert into telemetry_spans (org_id, system_id, trace_id, span_id, parent_span_id, name, operation,
      provider, request_model, response_model, started_at, duration_ms, error, input_tokens, output_tokens,
      finish_reasons, caller, tool_name, refused, guard_findings, cost, attributes)
    select ${orgId}::uuid, (${systemIds}::uuid[])[sys], trace, span, parent, name, operation, provider, request_model,
      response_model, to_timestamp(started / 1000.0), duration, error, input_tokens, output_tokens, finish, caller,
      tool, refused, guard, cost, coalesce(attributes::jsonb, '{}'::jsonb)
    from unnest(${cols.sys}::int[], ${cols.trace}::text[], ${cols.span}::text[], ${cols.parent}::text[],
      ${cols.name}::text[], ${cols.operation}::text[], ${cols.provider}::text[], ${cols.requestModel}::text[],
      ${cols.responseModel}::text[], ${cols.started}::float8[], ${cols.duration}::float8[], ${cols.error}::bool[],
      ${cols.inputTokens}::int[], ${cols.outputTokens}::int[], ${cols.finish}::text[], ${cols.caller}::text[],
      ${cols.tool}::text[], ${cols.refused}::bool[], ${cols.guard}::int[], ${cols.cost}::float8[], ${cols.attributes}::text[])
      as s(sys, trace, span, parent, name, operation, provider, request_model, response_model, started, duration,
        error, input_tokens, output_tokens, finish, caller, tool, refused, guard, cost, attributes)`.execute(db);
}

/** Stores the redacted prompt and completion of spans of systems that capture content. */
async function insertContent(
  db: Kysely<Database>,
  orgId: string,
  systems: (SystemSpans & { retentionDays: number })[],
): Promise<void> {
  const rows = [];
  for (const system of systems) {
    const expiresAt = new Date(Date.now() + system.retentionDays * 86_400_000);
    for (const span of system.spans) {
      if (span.inputText === null && span.outputText === null) continue;
      const input = redactContent(span.inputText);
      const output = redactContent(span.outputText);
      const counts = new Map(input.redactions);
      for (const [kind, n] of output.redactions) counts.set(kind, (counts.get(kind) ?? 0) + n);
      rows.push({
        org_id: orgId,
        system_id: system.systemId,
        trace_id: span.traceId,
        span_id: span.spanId,
        started_at: new Date(span.startedAt),
        caller: span.caller,
        input_text: input.text,
        output_text: output.text,
        redactions: JSON.stringify([...counts].map(([kind, count]) => ({ kind, count }))),
        expires_at: expiresAt,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("telemetry_content")
      .values(rows.slice(i, i + 500))
      .execute();
}
