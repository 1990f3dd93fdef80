import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { type ErrorCode, roleAllows } from "@openaims/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, forbidden } from "../http/app-error.js";
import { authenticate } from "../http/authenticate.js";
import { errorBody } from "../http/error-handler.js";
import type { ServerDeps } from "../http/handler-context.js";
import { resolveOrg } from "../http/resolve-org.js";
import { decodeMetricsJson, decodeTracesJson } from "./decode-otlp-json.js";
import { decodeMetricsProtobuf, decodeTracesProtobuf } from "./decode-otlp-protobuf.js";
import { ingestSpans } from "./ingest-spans.js";
import { intakeContext } from "./intake-context.js";
import { IntakeRateLimiter } from "./intake-rate-limit.js";
import { attrString, OtlpFieldError } from "./otlp-model.js";
import { ExportMetricsServiceResponse, ExportTraceServiceResponse, RpcStatus } from "./otlp-proto.js";
import { RollupAggregator } from "./rollup-aggregator.js";

const gunzipAsync = promisify(gunzip);

type Encoding = "json" | "protobuf";

/** gRPC status codes for the google.rpc.Status body of a protobuf error answer. */
const grpcCodes: Partial<Record<ErrorCode, number>> = {
  validation_failed: 3,
  unauthenticated: 16,
  forbidden: 7,
  not_found: 5,
  payload_too_large: 8,
  rate_limited: 8,
  unsupported_media_type: 3,
};

function encodingOf(request: FastifyRequest): Encoding {
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  throw new AppError("unsupported_media_type", "Send OTLP as application/json or application/x-protobuf.");
}

async function bodyOf(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const encoding = String(request.headers["content-encoding"] ?? "identity")
    .trim()
    .toLowerCase();
  if (encoding === "identity" || encoding === "") return raw;
  if (encoding !== "gzip") throw new AppError("unsupported_media_type", "Content-Encoding must be gzip or absent.");
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new AppError(
        "payload_too_large",
        `The batch is larger than ${maxBytes} bytes once unzipped; send smaller batches.`,
      );
    throw new AppError("validation_failed", "body is not valid gzip", {
      fields: [{ field: "body", label: "Body", message: "is not valid gzip" }],
    });
  }
}

/** The caller's organisation: an API token with write scope whose member may write governance records. */
async function intakeOrg(deps: ServerDeps, request: FastifyRequest) {
  const actor = await authenticate(deps.db, request);
  if (actor?.via !== "token" || !actor.token)
    throw new AppError(
      "unauthenticated",
      "Send an API token: Authorization: Bearer <token> (OTEL_EXPORTER_OTLP_HEADERS).",
    );
  const org = await resolveOrg(deps.db, actor, actor.boundOrgId);
  if (!roleAllows(org.role, "governance.write"))
    throw forbidden(`Your role (${org.role}) does not allow this (needs governance.write).`);
  if (actor.token.scope !== "write")
    throw forbidden("This API token has read scope; create a write-scope token to send telemetry.");
  return { org, tokenId: actor.token.id };
}

function send(
  reply: FastifyReply,
  encoding: Encoding,
  response: typeof ExportTraceServiceResponse,
  body: Record<string, unknown>,
) {
  if (encoding === "json") return reply.status(200).type("application/json").send(body);
  return reply
    .status(200)
    .type("application/x-protobuf")
    .send(Buffer.from(response.encode(response.fromObject(body)).finish()));
}

function sendError(reply: FastifyReply, request: FastifyRequest, encoding: Encoding, error: AppError) {
  if (error.code === "rate_limited") {
    const wait = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
    reply.header("retry-after", String(wait));
  }
  reply.status(error.status);
  if (encoding === "json") return reply.send(errorBody(error.code, error.message, request.id, error.details));
  const status = RpcStatus.encode(
    RpcStatus.fromObject({ code: grpcCodes[error.code] ?? 2, message: error.message }),
  ).finish();
  return reply.type("application/x-protobuf").send(Buffer.from(status));
}

function fieldError(error: OtlpFieldError): AppError {
  return new AppError("validation_failed", `${error.field} ${error.problem}.`, {
    fields: [{ field: error.field, label: error.field, message: error.problem }],
  });
}

/** The intake's settings, from the server configuration. */
export interface OtlpIntakeSettings {
  maxBytes: number;
  spansPerSecondPerToken: number;
  flushEveryMs: number;
}

/**
 * Registers OTLP/HTTP at the standard paths `POST /v1/traces` and `POST /v1/metrics` at the server
 * root, so an application sets only OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_HEADERS. The
 * organisation comes from the API token, not the path, which is why these routes live beside the
 * contract table; authentication, organisation scope and permission reuse the same functions.
 */
export async function registerOtlpIntake(app: FastifyInstance, deps: ServerDeps, settings: OtlpIntakeSettings) {
  const limiter = new IntakeRateLimiter(settings.spansPerSecondPerToken);
  const aggregator = new RollupAggregator(deps.db, settings.flushEveryMs, (error) =>
    app.log.error({ err: error }, "telemetry rollup flush failed"),
  );
  aggregator.start();
  app.addHook("onClose", async () => {
    await aggregator.stop().catch((error: unknown) => app.log.error({ err: error }, "telemetry rollup flush failed"));
  });

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

    scope.post("/v1/traces", { bodyLimit: settings.maxBytes }, async (request, reply) => {
      let encoding: Encoding = "json";
      try {
        encoding = encodingOf(request);
        const { org, tokenId } = await intakeOrg(deps, request);
        const body = await bodyOf(request, settings.maxBytes);
        const batch = encoding === "json" ? decodeTracesJson(body) : decodeTracesProtobuf(body);
        const spans = batch.reduce((n, rs) => n + rs.spans.length, 0);
        const wait = limiter.take(tokenId, spans);
        if (wait !== null)
          throw new AppError(
            "rate_limited",
            `This token sent more than ${settings.spansPerSecondPerToken} spans a second; retry in ${wait} s.`,
            {
              retryAfterSeconds: wait,
            },
          );
        const result = await ingestSpans(deps.db, org.orgId, batch);
        aggregator.add(result.bySystem);
        const body200 =
          result.rejected > 0
            ? {
                partialSuccess: {
                  rejectedSpans: encoding === "json" ? String(result.rejected) : result.rejected,
                  errorMessage: `${result.rejected} span(s) name no AI system of this organisation: ${result.unknownServices.join(", ")}. Set the AI system's telemetry service name or use its slug as service.name.`,
                },
              }
            : {};
        return send(reply, encoding, ExportTraceServiceResponse, body200);
      } catch (error) {
        if (error instanceof OtlpFieldError) return sendError(reply, request, encoding, fieldError(error));
        if (error instanceof AppError) return sendError(reply, request, encoding, error);
        throw error;
      }
    });

    scope.post("/v1/metrics", { bodyLimit: settings.maxBytes }, async (request, reply) => {
      let encoding: Encoding = "json";
      try {
        encoding = encodingOf(request);
        const { org, tokenId } = await intakeOrg(deps, request);
        const body = await bodyOf(request, settings.maxBytes);
        const batch = encoding === "json" ? decodeMetricsJson(body) : decodeMetricsProtobuf(body);
        const points = batch.reduce((n, rm) => n + rm.points.length, 0);
        const wait = limiter.take(tokenId, points);
        if (wait !== null)
          throw new AppError("rate_limited", `This token sent too much telemetry; retry in ${wait} s.`, {
            retryAfterSeconds: wait,
          });
        // Metric points are checked and counted; the derived metrics come from spans, so they are not added twice.
        const context = await intakeContext(deps.db, org.orgId);
        let rejected = 0;
        const unknown = new Set<string>();
        for (const rm of batch) {
          const name = attrString(rm.resource, context.systemAttribute);
          if (name !== null && context.systems.has(name)) continue;
          rejected += rm.points.length;
          if (rm.points.length > 0) unknown.add(name ?? `(no ${context.systemAttribute})`);
        }
        const body200 =
          rejected > 0
            ? {
                partialSuccess: {
                  rejectedDataPoints: encoding === "json" ? String(rejected) : rejected,
                  errorMessage: `${rejected} data point(s) name no AI system of this organisation: ${[...unknown].slice(0, 20).join(", ")}.`,
                },
              }
            : {};
        return send(reply, encoding, ExportMetricsServiceResponse, body200);
      } catch (error) {
        if (error instanceof OtlpFieldError) return sendError(reply, request, encoding, fieldError(error));
        if (error instanceof AppError) return sendError(reply, request, encoding, error);
        throw error;
      }
    });
  });
}
