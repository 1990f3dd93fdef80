import { type RouteDef, type RouteId, type Routes, roleAllows, routes } from "@openaims/contracts";
import { hashSecret, sameDigest } from "@openaims/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";
import { AppError, forbidden } from "./app-error.js";
import { authenticate } from "./authenticate.js";
import type { Actor, Handler, HandlerContext, OrgScope, ServerDeps, TwoStepHandler } from "./handler-context.js";
import { RawResponse, Redirect } from "./handler-context.js";
import { invalidField } from "./invalid-fields.js";
import { resolveOrg } from "./resolve-org.js";
import { type SpooledFile, spoolUpload } from "./spool-upload.js";
import { validateInput } from "./validate-input.js";

export type Handlers = { [K in RouteId]: Handler<Routes[K]> };

/** The handlers of one domain module's route group, e.g. `DomainHandlers<typeof riskRoutes>`. */
export type DomainHandlers<G> = { [K in keyof G & RouteId]: Handler<Routes[K]> };

/**
 * Registers every route of the contract table behind one chain:
 * authenticate → organisation scope → permission and token scope → CSRF → validate → (spool the body → the
 * handler's step before its transaction, if it has one) → transaction → handler.
 * Authorisation lives here and nowhere else.
 */
export function registerRoutes(app: FastifyInstance, deps: ServerDeps, handlers: Handlers): void {
  const uploads: [RouteDef, Handler<RouteDef>][] = [];
  const spooled: [RouteDef, Handler<RouteDef>][] = [];
  for (const id of Object.keys(routes) as RouteId[]) {
    const route: RouteDef = routes[id];
    const handler = handlers[id] as unknown as Handler<RouteDef>;
    if (!handler) throw new Error(`Route ${id} has no handler`);
    if (route.upload) {
      (route.upload.spool ? spooled : uploads).push([route, handler]);
      continue;
    }
    app.route({
      method: route.method,
      url: route.path,
      ...(route.bodyLimit ? { bodyLimit: Math.max(route.bodyLimit, deps.config.bodyLimitBytes) } : {}),
      handler: (request, reply) => handle(deps, route, handler, request, reply),
    });
  }
  // Upload routes take any content type as raw bytes; their own context keeps JSON parsing elsewhere intact.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    for (const [route, handler] of uploads) {
      scope.route({
        method: route.method,
        url: route.path,
        bodyLimit: route.upload?.maxBytes,
        handler: (request, reply) => handle(deps, route, handler, request, reply),
      });
    }
  });
  // Spooled uploads keep the body a stream; handle() writes it to a temporary file before the transaction.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
    for (const [route, handler] of spooled) {
      scope.route({
        method: route.method,
        url: route.path,
        handler: (request, reply) => handle(deps, route, handler, request, reply),
      });
    }
  });
}

async function handle(
  deps: ServerDeps,
  route: RouteDef,
  handler: Handler<RouteDef>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const actor = await authenticate(deps.db, request);
  if (route.access.kind !== "public" && !actor) {
    throw new AppError("unauthenticated", "Sign in, or send an API token in the Authorization header.");
  }
  let org: OrgScope | null = null;
  if (route.access.kind === "org" && actor) {
    org = await resolveOrg(deps.db, actor, (request.params as Record<string, unknown>).orgId);
    if (!roleAllows(org.role, route.access.permission)) {
      throw forbidden(`Your role (${org.role}) does not allow this (needs ${route.access.permission}).`);
    }
  }
  if (actor && route.write && route.access.kind !== "public") checkWriteAllowed(route, actor, request);
  // A spooled body is still an unread stream here: there is nothing in it to validate yet.
  const body = route.upload?.spool ? undefined : request.body;
  const input = validateInput(route, { params: request.params, query: request.query, body });
  let spool: SpooledFile | null = null;
  if (route.upload?.spool) {
    const limit = Math.min(route.upload.maxBytes, deps.config.modelUploadMaxBytes);
    spool = await spoolUpload(request.body, request.headers["content-length"], limit, "AIMS_MODEL_UPLOAD_MAX_BYTES");
    input.body = { path: spool.path, size: spool.size, sha256: spool.sha256 };
  } else if (route.upload) input.body = uploadedFile(request.body);
  try {
    return await answer(deps, route, handler, request, reply, actor, org, input);
  } finally {
    await spool?.remove();
  }
}

async function answer(
  deps: ServerDeps,
  route: RouteDef,
  handler: Handler<RouteDef>,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor | null,
  org: OrgScope | null,
  input: HandlerContext<RouteDef>["input"],
): Promise<unknown> {
  const before = (handler as Partial<TwoStepHandler<RouteDef>>).beforeTransaction;
  if (before) {
    const actorFor = actor as Actor;
    await before({ input, actor: actorFor, org: org as never, requestId: request.id, deps, request, reply });
  }
  let deferred: AppError | null = null;
  const afterCommitTasks: (() => Promise<void>)[] = [];
  const run = async (tx: ServerDeps["db"]) => {
    const ctx: HandlerContext<RouteDef> = {
      input,
      tx,
      actor: actor as Actor,
      org: org as never,
      requestId: request.id,
      deps,
      request,
      reply,
      audit: async (event) => {
        if (!org || !actor) throw new Error("ctx.audit needs an organisation route; call appendAuditEntry directly");
        await appendAuditEntry(tx, { ...event, orgId: org.orgId, actor: auditActorOf(actor), requestId: request.id });
      },
      failAfterCommit: (error) => {
        deferred = error;
      },
      afterCommit: (task) => {
        afterCommitTasks.push(task);
      },
    };
    return handler(ctx);
  };
  const result = route.write ? await deps.db.transaction().execute(run) : await run(deps.db);
  if (deferred) throw deferred;
  for (const task of afterCommitTasks) await task();
  return present(route, result, reply);
}

function uploadedFile(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw invalidField("body", "is empty; choose a file to upload", "File");
}

function checkWriteAllowed(route: RouteDef, actor: Actor, request: FastifyRequest): void {
  if (actor.via === "token") {
    if (route.access.kind !== "org") throw forbidden("API tokens can only change records inside their organisation.");
    if (actor.token?.scope !== "write")
      throw forbidden("This API token has read scope; create a write-scope token to make changes.");
    return;
  }
  if (!sameCsrfToken(request.headers["x-csrf-token"], actor.csrfToken))
    throw new AppError("csrf_failed", "Missing or wrong x-csrf-token header; reload the page and try again.");
}

/**
 * Compares the SHA-256 of both values, so a header of any length or encoding (a non-ASCII value whose
 * UTF-8 form is longer, a header sent twice) is a plain mismatch, and the comparison is constant-time.
 */
function sameCsrfToken(sent: string | string[] | undefined, expected: string | null): boolean {
  if (typeof sent !== "string" || !expected) return false;
  return sameDigest(hashSecret(sent), hashSecret(expected));
}

/** How a person appears in the audit trail; token use names the token. */
export function auditActorOf(actor: Actor): AuditActor {
  const who = `${actor.name} <${actor.email}>`;
  return actor.token
    ? { type: "token", id: actor.userId, label: `${who} via API token ${actor.token.id}` }
    : { type: "user", id: actor.userId, label: who };
}

function present(route: RouteDef, result: unknown, reply: FastifyReply): unknown {
  if (result instanceof Redirect) return reply.redirect(result.location, 302);
  if (result instanceof RawResponse) {
    reply.type(result.contentType);
    if (result.filename) reply.header("content-disposition", `attachment; filename="${result.filename}"`);
    for (const [name, value] of Object.entries(result.headers)) reply.header(name, value);
    return reply.send(result.body);
  }
  const version = (result as { version?: unknown } | null)?.version;
  if (typeof version === "number") reply.header("etag", `W/"${version}"`);
  reply.status(route.status ?? 200);
  return result;
}
