import {
  type Attributes,
  type AttrValue,
  OtlpFieldError,
  type OtlpResourceMetrics,
  type OtlpResourceSpans,
  type OtlpSpan,
} from "./otlp-model.js";
import { ExportMetricsServiceRequest, ExportTraceServiceRequest } from "./otlp-proto.js";

/** A 64-bit integer as protobufjs decodes it (a Long). */
interface Long {
  high: number;
  low: number;
  toNumber(): number;
}

/* The decoded message shapes of otlp-proto.ts (protobufjs instances, read field by field). */
interface PbAnyValue {
  value?: string;
  stringValue?: string;
  boolValue?: boolean;
  intValue?: Long | number;
  doubleValue?: number;
  arrayValue?: { values: PbAnyValue[] };
  kvlistValue?: { values: PbKeyValue[] };
  bytesValue?: Uint8Array;
}
interface PbKeyValue {
  key: string;
  value?: PbAnyValue;
}
interface PbSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  startTimeUnixNano: Long | number;
  endTimeUnixNano: Long | number;
  attributes: PbKeyValue[];
  events: { name: string; attributes: PbKeyValue[] }[];
  status?: { code: number };
}
interface PbTraceRequest {
  resourceSpans: { resource?: { attributes: PbKeyValue[] }; scopeSpans: { spans: PbSpan[] }[] }[];
}
interface PbNumberPoint {
  value?: string;
  attributes: PbKeyValue[];
  timeUnixNano: Long | number;
  asDouble?: number;
  asInt?: Long | number;
}
interface PbHistogramPoint {
  attributes: PbKeyValue[];
  timeUnixNano: Long | number;
  count: Long | number;
  sum?: number;
}
interface PbMetricsRequest {
  resourceMetrics: {
    resource?: { attributes: PbKeyValue[] };
    scopeMetrics: {
      metrics: {
        name: string;
        gauge?: { dataPoints: PbNumberPoint[] };
        sum?: { dataPoints: PbNumberPoint[] };
        histogram?: { dataPoints: PbHistogramPoint[] };
      }[];
    }[];
  }[];
}

function longToNumber(value: Long | number | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  return value.toNumber();
}

/** Nanoseconds since the epoch as milliseconds, without building a bigint. */
function nanosToMs(value: Long | number): number {
  if (typeof value === "number") return value / 1e6;
  return ((value.high >>> 0) * 4294967296 + (value.low >>> 0)) / 1e6;
}

function anyValueOf(v: PbAnyValue | undefined): AttrValue {
  if (!v) return null;
  switch (v.value) {
    case "stringValue":
      return v.stringValue ?? "";
    case "boolValue":
      return v.boolValue ?? false;
    case "intValue":
      return longToNumber(v.intValue);
    case "doubleValue":
      return v.doubleValue ?? 0;
    case "arrayValue":
      return (v.arrayValue?.values ?? []).map(anyValueOf);
    case "kvlistValue":
      return Object.fromEntries((v.kvlistValue?.values ?? []).map((kv) => [kv.key, anyValueOf(kv.value)]));
    case "bytesValue":
      return Buffer.from(v.bytesValue ?? []).toString("base64");
    default:
      return null;
  }
}

function attributesOf(list: PbKeyValue[] | undefined): Attributes {
  const map: Attributes = new Map();
  if (list) for (const kv of list) map.set(kv.key, anyValueOf(kv.value));
  return map;
}

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

function decodeMessage<T>(type: typeof ExportTraceServiceRequest, body: Buffer, what: string): T {
  try {
    return type.decode(body) as unknown as T;
  } catch (error) {
    throw new OtlpFieldError("body", `is not an ${what} in protobuf (${(error as Error).message.slice(0, 200)})`);
  }
}

/** Decodes an ExportTraceServiceRequest in protobuf; 400-worthy problems name their field. */
export function decodeTracesProtobuf(body: Buffer): OtlpResourceSpans[] {
  const request = decodeMessage<PbTraceRequest>(ExportTraceServiceRequest, body, "ExportTraceServiceRequest");
  return request.resourceSpans.map((rs, i) => {
    const spans: OtlpSpan[] = [];
    rs.scopeSpans.forEach((ss, j) => {
      ss.spans.forEach((s, k) => {
        const at = `resourceSpans[${i}].scopeSpans[${j}].spans[${k}]`;
        if (s.traceId.length !== 16) throw new OtlpFieldError(`${at}.traceId`, "must be 16 bytes");
        if (s.spanId.length !== 8) throw new OtlpFieldError(`${at}.spanId`, "must be 8 bytes");
        if (s.parentSpanId.length !== 0 && s.parentSpanId.length !== 8)
          throw new OtlpFieldError(`${at}.parentSpanId`, "must be empty or 8 bytes");
        spans.push({
          traceId: hexOf(s.traceId),
          spanId: hexOf(s.spanId),
          parentSpanId: s.parentSpanId.length === 8 ? hexOf(s.parentSpanId) : null,
          name: s.name,
          startMs: nanosToMs(s.startTimeUnixNano),
          endMs: nanosToMs(s.endTimeUnixNano),
          attributes: attributesOf(s.attributes),
          events: s.events.map((e) => ({ name: e.name, attributes: attributesOf(e.attributes) })),
          statusCode: s.status?.code ?? 0,
        });
      });
    });
    return { resource: attributesOf(rs.resource?.attributes), spans };
  });
}

/** Decodes an ExportMetricsServiceRequest in protobuf: gauges, sums and histograms. */
export function decodeMetricsProtobuf(body: Buffer): OtlpResourceMetrics[] {
  const request = decodeMessage<PbMetricsRequest>(ExportMetricsServiceRequest, body, "ExportMetricsServiceRequest");
  return request.resourceMetrics.map((rm) => {
    const points: OtlpResourceMetrics["points"] = [];
    for (const sm of rm.scopeMetrics) {
      for (const m of sm.metrics) {
        for (const p of [...(m.gauge?.dataPoints ?? []), ...(m.sum?.dataPoints ?? [])]) {
          const value = p.value === "asInt" ? longToNumber(p.asInt) : (p.asDouble ?? 0);
          points.push({
            metric: m.name,
            value,
            count: 1,
            atMs: nanosToMs(p.timeUnixNano),
            attributes: attributesOf(p.attributes),
          });
        }
        for (const p of m.histogram?.dataPoints ?? []) {
          points.push({
            metric: m.name,
            value: p.sum ?? 0,
            count: longToNumber(p.count),
            atMs: nanosToMs(p.timeUnixNano),
            attributes: attributesOf(p.attributes),
          });
        }
      }
    }
    return { resource: attributesOf(rm.resource?.attributes), points };
  });
}
