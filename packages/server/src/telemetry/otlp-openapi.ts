type JsonSchema = Record<string, unknown>;

const exportResponse = {
  type: "object",
  description:
    "Export…ServiceResponse, in the request's encoding. partialSuccess is present when some spans (data points) named no AI system of the organisation; the rest of the batch was kept.",
  properties: {
    partialSuccess: {
      type: "object",
      properties: {
        rejectedSpans: { type: "string", description: "64-bit count, as OTLP JSON writes it" },
        rejectedDataPoints: { type: "string" },
        errorMessage: { type: "string" },
      },
    },
  },
};

function intakeOperation(operationId: string, summary: string, message: string): JsonSchema {
  return {
    operationId,
    summary,
    tags: ["telemetry"],
    security: [{ bearerToken: [] }],
    parameters: [
      {
        name: "Content-Encoding",
        in: "header",
        required: false,
        schema: { type: "string", enum: ["gzip", "identity"] },
      },
    ],
    requestBody: {
      required: true,
      description: `An OTLP ${message}, as OTLP JSON or protobuf (the published opentelemetry-proto definitions).`,
      content: {
        "application/json": { schema: { type: "object", description: `OTLP JSON ${message}` } },
        "application/x-protobuf": { schema: { type: "string", format: "binary" } },
      },
    },
    responses: {
      "200": {
        description: "Stored; partialSuccess names what was rejected",
        content: {
          "application/json": { schema: exportResponse },
          "application/x-protobuf": { schema: { type: "string", format: "binary" } },
        },
      },
      "400": { description: "Malformed payload; the message and details name the field" },
      "401": { description: "No valid API token" },
      "403": { description: "The token's member may not write governance records, or the token has read scope" },
      "413": { description: "Batch larger than the server's limit (AIMS_OTLP_MAX_BYTES), before or after gzip" },
      "415": { description: "Neither application/json nor application/x-protobuf" },
      "429": {
        description: "The token sent more than its rate (AIMS_OTLP_SPANS_PER_SECOND); Retry-After says when to retry",
      },
    },
  };
}

/** Adds the OTLP/HTTP intake, registered beside the contract table, to the OpenAPI document. */
export function addOtlpIntakeToOpenApi(document: JsonSchema): JsonSchema {
  const paths = document.paths as Record<string, JsonSchema>;
  paths["/v1/traces"] = {
    post: intakeOperation(
      "exportTraces",
      "OTLP/HTTP trace intake: GenAI spans mapped to AI systems by the system attribute (default service.name)",
      "ExportTraceServiceRequest",
    ),
  };
  paths["/v1/metrics"] = {
    post: intakeOperation(
      "exportMetrics",
      "OTLP/HTTP metrics intake: accepted and checked per AI system; derived metrics come from spans",
      "ExportMetricsServiceRequest",
    ),
  };
  return document;
}
