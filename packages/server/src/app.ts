import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { sql } from "kysely";
import { isSecure } from "./config.js";
import { handlers } from "./handlers.js";
import { renderApiDocsPage } from "./http/api-docs-page.js";
import { errorBody, handleError } from "./http/error-handler.js";
import type { ServerDeps } from "./http/handler-context.js";
import { buildOpenApiDocument } from "./http/openapi.js";
import { redactPaths, redactUrl } from "./http/redact.js";
import { type Handlers, registerRoutes } from "./http/register-routes.js";
import { registerSecurityHeaders } from "./http/security-headers.js";
import { registerOtlpIntake } from "./telemetry/otlp-intake.js";
import { addOtlpIntakeToOpenApi } from "./telemetry/otlp-openapi.js";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the HTTP application: API, OpenAPI document and reference, health checks, and the web UI. */
export async function buildApp(deps: ServerDeps, routeHandlers: Handlers = handlers): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: redactPaths, censor: "[redacted]" },
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
      },
      // process.stdout rather than pino's own buffered writer, so log lines and the start-up text
      // printed by `aims serve` come out in the order they were written.
      stream: config.logStream ?? process.stdout,
    },
    // One access line per request from the hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: redactUrl(request.url),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });
  app.setErrorHandler(handleError);
  await app.register(cookie);
  await registerSecurityHeaders(app, isSecure(config));

  registerRoutes(app, deps, routeHandlers);
  await registerOtlpIntake(app, deps, {
    maxBytes: config.otlpMaxBytes,
    spansPerSecondPerToken: config.otlpSpansPerSecond,
    flushEveryMs: config.otlpFlushMs,
  });

  const openApi = addOtlpIntakeToOpenApi(buildOpenApiDocument(config.publicUrl));
  const docsPage = renderApiDocsPage(openApi);
  app.get("/api/v1/openapi.json", async () => openApi);
  app.get("/api/v1/docs", async (_request, reply) => reply.type("text/html; charset=utf-8").send(docsPage));
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: "ready", engine: deps.engine };
    } catch {
      return reply.status(503).send({ status: "unavailable", engine: deps.engine });
    }
  });

  const indexHtml =
    config.webDir && existsSync(join(config.webDir, "index.html"))
      ? readFileSync(join(config.webDir, "index.html"), "utf8")
      : null;
  if (config.webDir && indexHtml) {
    // preCompressed: the build writes .br and .gz files beside each asset; the one the browser accepts is sent.
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      maxAge: "1h",
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !indexHtml || request.method !== "GET") {
      return reply
        .status(404)
        .send(
          errorBody(
            "not_found",
            `No route ${request.method} ${redactUrl(request.url.split("?")[0] ?? "")}.`,
            request.id,
          ),
        );
    }
    // The web UI routes on the client: every other GET gets the app shell.
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
  });
  return app;
}
