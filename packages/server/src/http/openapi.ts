import { errorBodySchema, type RouteDef, routes } from "@openaims/contracts";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/**
 * OpenAPI 3.1 document generated from the contract route table: the same zod schemas the server
 * validates with, so the document cannot drift from the behaviour.
 */
export function buildOpenApiDocument(serverUrl: string): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    for (const [name, def] of Object.entries(defs)) components[name] ??= rewriteRefs(def) as JsonSchema;
    delete json.$defs;
    delete json.$schema;
    return rewriteRefs(json) as JsonSchema;
  };
  const errorRef = convert(errorBodySchema, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes) as [string, RouteDef][]) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(operationId, route, convert, errorRef);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenAIMS API",
      version: "1",
      description:
        "REST API of OpenAIMS. Authenticate with a session cookie (browser, plus the x-csrf-token header on writes) " +
        "or an API token: `Authorization: Bearer aims_pat_…`. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`). " +
        "Updates carry the record's `version`; a stale version answers 409.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "API token created under Settings → API tokens" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "aims_session" },
      },
    },
    paths,
  };
}

function operation(
  operationId: string,
  route: RouteDef,
  convert: (schema: z.ZodType, io: "input" | "output") => JsonSchema,
  errorSchema: JsonSchema,
): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, "input");
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      parameters.push({ name, in: where, required: where === "path" || required.has(name), schema: property });
    }
  }
  const errorResponse = { description: "Error", content: { "application/json": { schema: errorSchema } } };
  const status = String(route.status ?? 200);
  const success = route.response
    ? { description: "Success", content: { "application/json": { schema: convert(route.response, "output") } } }
    : route.produces
      ? { description: "Success", content: { [route.produces]: {} } }
      : { description: "Redirect" };
  return {
    operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access.kind === "public" ? { security: [] } : { security: [{ bearerToken: [] }, { sessionCookie: [] }] }),
    ...(route.access.kind === "org" ? { "x-permission": route.access.permission } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            description: route.upload.spool
              ? "The file itself, streamed to a temporary file; at most the server's AIMS_MODEL_UPLOAD_MAX_BYTES (512 MiB by default), larger answers 413."
              : `The file itself, at most ${route.upload.maxBytes} bytes.`,
            content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
          },
        }
      : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: convert(route.body, "input") } } } }
      : {}),
    responses: { [status]: success, "4XX": errorResponse, "5XX": errorResponse },
  };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === "$ref" && typeof inner === "string"
          ? inner.replace("#/$defs/", "#/components/schemas/")
          : rewriteRefs(inner);
    }
    return out;
  }
  return value;
}
