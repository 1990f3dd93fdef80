import protobuf from "protobufjs";

/**
 * The parts of the published OTLP protocol buffers (opentelemetry-proto: collector trace and metrics
 * services, trace, metrics, resource and common v1) that the intake reads, with their field numbers
 * exactly as published. Fields we do not read are skipped by the decoder as unknown fields.
 */
const anyValue = {
  oneofs: {
    value: {
      oneof: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"],
    },
  },
  fields: {
    stringValue: { type: "string", id: 1 },
    boolValue: { type: "bool", id: 2 },
    intValue: { type: "int64", id: 3 },
    doubleValue: { type: "double", id: 4 },
    arrayValue: { type: "ArrayValue", id: 5 },
    kvlistValue: { type: "KeyValueList", id: 6 },
    bytesValue: { type: "bytes", id: 7 },
  },
};

const descriptor = {
  nested: {
    otlp: {
      nested: {
        AnyValue: anyValue,
        ArrayValue: { fields: { values: { rule: "repeated", type: "AnyValue", id: 1 } } },
        KeyValueList: { fields: { values: { rule: "repeated", type: "KeyValue", id: 1 } } },
        KeyValue: { fields: { key: { type: "string", id: 1 }, value: { type: "AnyValue", id: 2 } } },
        Resource: { fields: { attributes: { rule: "repeated", type: "KeyValue", id: 1 } } },
        InstrumentationScope: { fields: { name: { type: "string", id: 1 }, version: { type: "string", id: 2 } } },
        ExportTraceServiceRequest: { fields: { resourceSpans: { rule: "repeated", type: "ResourceSpans", id: 1 } } },
        ResourceSpans: {
          fields: {
            resource: { type: "Resource", id: 1 },
            scopeSpans: { rule: "repeated", type: "ScopeSpans", id: 2 },
          },
        },
        ScopeSpans: {
          fields: {
            scope: { type: "InstrumentationScope", id: 1 },
            spans: { rule: "repeated", type: "Span", id: 2 },
          },
        },
        Span: {
          fields: {
            traceId: { type: "bytes", id: 1 },
            spanId: { type: "bytes", id: 2 },
            parentSpanId: { type: "bytes", id: 4 },
            name: { type: "string", id: 5 },
            kind: { type: "int32", id: 6 },
            startTimeUnixNano: { type: "fixed64", id: 7 },
            endTimeUnixNano: { type: "fixed64", id: 8 },
            attributes: { rule: "repeated", type: "KeyValue", id: 9 },
            events: { rule: "repeated", type: "Event", id: 11 },
            status: { type: "Status", id: 15 },
          },
        },
        Event: {
          fields: {
            timeUnixNano: { type: "fixed64", id: 1 },
            name: { type: "string", id: 2 },
            attributes: { rule: "repeated", type: "KeyValue", id: 3 },
          },
        },
        Status: { fields: { message: { type: "string", id: 2 }, code: { type: "int32", id: 3 } } },
        ExportTraceServiceResponse: { fields: { partialSuccess: { type: "ExportTracePartialSuccess", id: 1 } } },
        ExportTracePartialSuccess: {
          fields: { rejectedSpans: { type: "int64", id: 1 }, errorMessage: { type: "string", id: 2 } },
        },
        ExportMetricsServiceRequest: {
          fields: { resourceMetrics: { rule: "repeated", type: "ResourceMetrics", id: 1 } },
        },
        ResourceMetrics: {
          fields: {
            resource: { type: "Resource", id: 1 },
            scopeMetrics: { rule: "repeated", type: "ScopeMetrics", id: 2 },
          },
        },
        ScopeMetrics: {
          fields: {
            scope: { type: "InstrumentationScope", id: 1 },
            metrics: { rule: "repeated", type: "Metric", id: 2 },
          },
        },
        Metric: {
          fields: {
            name: { type: "string", id: 1 },
            unit: { type: "string", id: 3 },
            gauge: { type: "Gauge", id: 5 },
            sum: { type: "Sum", id: 7 },
            histogram: { type: "Histogram", id: 9 },
          },
        },
        Gauge: { fields: { dataPoints: { rule: "repeated", type: "NumberDataPoint", id: 1 } } },
        Sum: { fields: { dataPoints: { rule: "repeated", type: "NumberDataPoint", id: 1 } } },
        Histogram: { fields: { dataPoints: { rule: "repeated", type: "HistogramDataPoint", id: 1 } } },
        NumberDataPoint: {
          oneofs: { value: { oneof: ["asDouble", "asInt"] } },
          fields: {
            attributes: { rule: "repeated", type: "KeyValue", id: 7 },
            timeUnixNano: { type: "fixed64", id: 3 },
            asDouble: { type: "double", id: 4 },
            asInt: { type: "sfixed64", id: 6 },
          },
        },
        HistogramDataPoint: {
          fields: {
            attributes: { rule: "repeated", type: "KeyValue", id: 9 },
            timeUnixNano: { type: "fixed64", id: 3 },
            count: { type: "fixed64", id: 4 },
            sum: { type: "double", id: 5 },
          },
        },
        ExportMetricsServiceResponse: { fields: { partialSuccess: { type: "ExportMetricsPartialSuccess", id: 1 } } },
        ExportMetricsPartialSuccess: {
          fields: { rejectedDataPoints: { type: "int64", id: 1 }, errorMessage: { type: "string", id: 2 } },
        },
        /** google.rpc.Status, the body of an OTLP/HTTP error answer in protobuf. */
        RpcStatus: { fields: { code: { type: "int32", id: 1 }, message: { type: "string", id: 2 } } },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);
export const ExportTraceServiceRequest = root.lookupType("otlp.ExportTraceServiceRequest");
export const ExportTraceServiceResponse = root.lookupType("otlp.ExportTraceServiceResponse");
export const ExportMetricsServiceRequest = root.lookupType("otlp.ExportMetricsServiceRequest");
export const ExportMetricsServiceResponse = root.lookupType("otlp.ExportMetricsServiceResponse");
export const RpcStatus = root.lookupType("otlp.RpcStatus");
