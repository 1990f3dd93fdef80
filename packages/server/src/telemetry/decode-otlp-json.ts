import {
  type Attributes,
  type AttrValue,
  OtlpFieldError,
  type OtlpResourceMetrics,
  type OtlpResourceSpans,
  type OtlpSpan,
} from "./otlp-model.js";

/*
 * OTLP JSON (the protobuf JSON mapping with OTLP's exceptions): camelCase keys, trace and span ids
 * as hex, 64-bit integers as strings or numbers, enums as integers.
 */

type Json = Record<string, unknown>;

function object(value: unknown, at: string): Json {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new OtlpFieldError(at, "must be an object");
  return value as Json;
}

function array(value: unknown, at: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OtlpFieldError(at, "must be an array");
  return value;
}

function int64(value: unknown, at: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d{1,20}$/.test(value)) return Number(value);
  throw new OtlpFieldError(at, "must be a 64-bit integer as a number or a string of digits");
}

function hexId(value: unknown, at: string, length: number, optional: boolean): string | null {
  if ((value === undefined || value === null || value === "") && optional) return null;
  if (typeof value !== "string" || value.length !== length || !/^[0-9a-fA-F]+$/.test(value))
    throw new OtlpFieldError(at, `must be ${length} hexadecimal digits`);
  return value.toLowerCase();
}

function anyValue(value: unknown, at: string): AttrValue {
  const v = object(value, at);
  if ("stringValue" in v) {
    if (typeof v.stringValue !== "string") throw new OtlpFieldError(`${at}.stringValue`, "must be a string");
    return v.stringValue;
  }
  if ("boolValue" in v) {
    if (typeof v.boolValue !== "boolean") throw new OtlpFieldError(`${at}.boolValue`, "must be true or false");
    return v.boolValue;
  }
  if ("intValue" in v) return int64(v.intValue, `${at}.intValue`);
  if ("doubleValue" in v) {
    const d = v.doubleValue;
    if (typeof d === "number") return d;
    if (d === "NaN" || d === "Infinity" || d === "-Infinity") return Number(d);
    throw new OtlpFieldError(`${at}.doubleValue`, "must be a number");
  }
  if ("arrayValue" in v)
    return array(object(v.arrayValue, `${at}.arrayValue`).values, `${at}.arrayValue.values`).map((item, i) =>
      anyValue(item, `${at}.arrayValue.values[${i}]`),
    );
  if ("kvlistValue" in v)
    return Object.fromEntries(
      attributes(object(v.kvlistValue, `${at}.kvlistValue`).values, `${at}.kvlistValue.values`),
    );
  if ("bytesValue" in v) {
    if (typeof v.bytesValue !== "string") throw new OtlpFieldError(`${at}.bytesValue`, "must be base64 text");
    return v.bytesValue;
  }
  return null;
}

function attributes(value: unknown, at: string): Attributes {
  const map: Attributes = new Map();
  array(value, at).forEach((item, i) => {
    const kv = object(item, `${at}[${i}]`);
    if (typeof kv.key !== "string") throw new OtlpFieldError(`${at}[${i}].key`, "must be a string");
    map.set(kv.key, anyValue(kv.value, `${at}[${i}].value`));
  });
  return map;
}

function parse(body: Buffer): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new OtlpFieldError("body", "is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new OtlpFieldError("body", "must be a JSON object");
  return parsed as Json;
}

function statusCode(value: unknown, at: string): number {
  if (value === undefined || value === null) return 0;
  if (value === 0 || value === 1 || value === 2) return value;
  const named = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"].indexOf(String(value));
  if (named >= 0) return named;
  throw new OtlpFieldError(at, "must be 0 (unset), 1 (ok) or 2 (error)");
}

/** Decodes an ExportTraceServiceRequest in OTLP JSON; problems name their field. */
export function decodeTracesJson(body: Buffer): OtlpResourceSpans[] {
  const request = parse(body);
  return array(request.resourceSpans, "resourceSpans").map((item, i) => {
    const rs = object(item, `resourceSpans[${i}]`);
    const resource = attributes(
      object(rs.resource, `resourceSpans[${i}].resource`).attributes,
      `resourceSpans[${i}].resource.attributes`,
    );
    const spans: OtlpSpan[] = [];
    array(rs.scopeSpans, `resourceSpans[${i}].scopeSpans`).forEach((scopeItem, j) => {
      const ss = object(scopeItem, `resourceSpans[${i}].scopeSpans[${j}]`);
      array(ss.spans, `resourceSpans[${i}].scopeSpans[${j}].spans`).forEach((spanItem, k) => {
        const at = `resourceSpans[${i}].scopeSpans[${j}].spans[${k}]`;
        const s = object(spanItem, at);
        if (s.name !== undefined && typeof s.name !== "string")
          throw new OtlpFieldError(`${at}.name`, "must be a string");
        spans.push({
          traceId: hexId(s.traceId, `${at}.traceId`, 32, false) as string,
          spanId: hexId(s.spanId, `${at}.spanId`, 16, false) as string,
          parentSpanId: hexId(s.parentSpanId, `${at}.parentSpanId`, 16, true),
          name: (s.name as string | undefined) ?? "",
          startMs: int64(s.startTimeUnixNano, `${at}.startTimeUnixNano`) / 1e6,
          endMs: int64(s.endTimeUnixNano, `${at}.endTimeUnixNano`) / 1e6,
          attributes: attributes(s.attributes, `${at}.attributes`),
          events: array(s.events, `${at}.events`).map((eventItem, e) => {
            const event = object(eventItem, `${at}.events[${e}]`);
            return {
              name: typeof event.name === "string" ? event.name : "",
              attributes: attributes(event.attributes, `${at}.events[${e}].attributes`),
            };
          }),
          statusCode: statusCode(object(s.status, `${at}.status`).code, `${at}.status.code`),
        });
      });
    });
    return { resource, spans };
  });
}

/** Decodes an ExportMetricsServiceRequest in OTLP JSON: gauges, sums and histograms. */
export function decodeMetricsJson(body: Buffer): OtlpResourceMetrics[] {
  const request = parse(body);
  return array(request.resourceMetrics, "resourceMetrics").map((item, i) => {
    const rm = object(item, `resourceMetrics[${i}]`);
    const resource = attributes(
      object(rm.resource, `resourceMetrics[${i}].resource`).attributes,
      `resourceMetrics[${i}].resource.attributes`,
    );
    const points: OtlpResourceMetrics["points"] = [];
    array(rm.scopeMetrics, `resourceMetrics[${i}].scopeMetrics`).forEach((scopeItem, j) => {
      const sm = object(scopeItem, `resourceMetrics[${i}].scopeMetrics[${j}]`);
      array(sm.metrics, `resourceMetrics[${i}].scopeMetrics[${j}].metrics`).forEach((metricItem, k) => {
        const at = `resourceMetrics[${i}].scopeMetrics[${j}].metrics[${k}]`;
        const m = object(metricItem, at);
        if (typeof m.name !== "string") throw new OtlpFieldError(`${at}.name`, "must be a string");
        for (const kind of ["gauge", "sum"] as const) {
          array(object(m[kind], `${at}.${kind}`).dataPoints, `${at}.${kind}.dataPoints`).forEach((pointItem, p) => {
            const pat = `${at}.${kind}.dataPoints[${p}]`;
            const point = object(pointItem, pat);
            const value =
              point.asInt !== undefined
                ? int64(point.asInt, `${pat}.asInt`)
                : typeof point.asDouble === "number"
                  ? point.asDouble
                  : 0;
            points.push({
              metric: m.name as string,
              value,
              count: 1,
              atMs: int64(point.timeUnixNano, `${pat}.timeUnixNano`) / 1e6,
              attributes: attributes(point.attributes, `${pat}.attributes`),
            });
          });
        }
        array(object(m.histogram, `${at}.histogram`).dataPoints, `${at}.histogram.dataPoints`).forEach(
          (pointItem, p) => {
            const pat = `${at}.histogram.dataPoints[${p}]`;
            const point = object(pointItem, pat);
            points.push({
              metric: m.name as string,
              value: typeof point.sum === "number" ? point.sum : 0,
              count: int64(point.count, `${pat}.count`),
              atMs: int64(point.timeUnixNano, `${pat}.timeUnixNano`) / 1e6,
              attributes: attributes(point.attributes, `${pat}.attributes`),
            });
          },
        );
      });
    });
    return { resource, points };
  });
}
