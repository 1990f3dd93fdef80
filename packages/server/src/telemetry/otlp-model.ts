/** An attribute value as OTLP's AnyValue carries it. */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Map<string, AttrValue>;

export interface OtlpEvent {
  name: string;
  attributes: Attributes;
}

/** One span, decoded from OTLP JSON or protobuf into the same shape. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startMs: number;
  endMs: number;
  attributes: Attributes;
  events: OtlpEvent[];
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
}

export interface OtlpResourceSpans {
  resource: Attributes;
  spans: OtlpSpan[];
}

/** One data point of a metric, with the resource it came from. */
export interface OtlpDataPoint {
  metric: string;
  /** The point's value: the sum for histograms. */
  value: number;
  count: number;
  atMs: number;
  attributes: Attributes;
}

export interface OtlpResourceMetrics {
  resource: Attributes;
  points: OtlpDataPoint[];
}

/** A malformed payload: the field that is wrong, named by its path in the OTLP request. */
export class OtlpFieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/** A string value of an attribute, or null. Numbers and booleans are written as text. */
export function attrString(attributes: Attributes, key: string): string | null {
  const value = attributes.get(key);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** A whole-number value of an attribute (ints or numeric strings), or null. */
export function attrInt(attributes: Attributes, key: string): number | null {
  const value = attributes.get(key);
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? Math.max(0, Math.min(2_000_000_000, Math.round(n))) : null;
}
