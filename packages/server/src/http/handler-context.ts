import type { Readable } from "node:stream";
import type { Role, RouteDef, RouteInput, RouteOutput, TokenScope } from "@openaims/contracts";
import type { BlobStore, Database, Engine } from "@openaims/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import type { ServerConfig } from "../config.js";
import type { Mailer } from "../mail/mailer.js";
import type { SecretBox } from "../secrets/secret-box.js";
import type { AppError } from "./app-error.js";

/** Who is calling: a person through a session, or a person's API token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  via: "session" | "token";
  sessionId: string | null;
  csrfToken: string | null;
  token: { id: string; orgId: string; scope: TokenScope } | null;
  /**
   * The one organisation this caller may act in, or null for all of the person's organisations.
   * Set for API tokens and for single sign-on sessions: an identity provider vouches for people in
   * its own organisation only.
   */
  boundOrgId: string | null;
  /**
   * The membership in `boundOrgId`, when it was loaded together with the credential (tokens):
   * null means none is active. Absent means it has not been looked up.
   */
  boundMembership?: { id: string; role: Role } | null;
}

/** The organisation a request acts in, resolved once from the URL and the caller's membership. */
export interface OrgScope {
  orgId: string;
  membershipId: string;
  role: Role;
}

/** What every handler may use besides its input. */
export interface ServerDeps {
  db: Kysely<Database>;
  engine: Engine;
  blobs: BlobStore;
  config: ServerConfig;
  mailer: Mailer;
  /** Seals and opens stored secrets under the server's key. */
  secrets: SecretBox;
}

type ActorFor<R extends RouteDef> = R["access"]["kind"] extends "public" ? Actor | null : Actor;
type OrgFor<R extends RouteDef> = R["access"]["kind"] extends "org" ? OrgScope : null;

export interface HandlerContext<R extends RouteDef> {
  input: RouteInput<R>;
  /** The request's transaction for write routes, the pool for reads. */
  tx: Kysely<Database>;
  actor: ActorFor<R>;
  org: OrgFor<R>;
  requestId: string;
  deps: ServerDeps;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Appends to the organisation's audit trail inside this request's transaction. */
  audit(event: AuditEvent): Promise<void>;
  /** Commits the transaction, then answers with this error (for example a counted failed sign-in). */
  failAfterCommit(error: AppError): void;
  /** Work that must not hold the transaction open (e-mail, other network calls); runs after commit, before the answer. */
  afterCommit(task: () => Promise<void>): void;
}

/** A redirect answer, for routes that hand the browser elsewhere. */
export class Redirect {
  constructor(readonly location: string) {}
}

/** A non-JSON answer, such as a download. */
export class RawResponse {
  constructor(
    readonly contentType: string,
    readonly body: string | Buffer | Readable,
    readonly filename?: string,
    /** Further response headers, e.g. the SHA-256 of a download. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

export type Handler<R extends RouteDef> = (ctx: HandlerContext<R>) => Promise<RouteOutput<R> | Redirect | RawResponse>;

/** What a handler's step before its transaction may use: the pool for short reads, never the audit trail. */
export type BeforeTransactionContext<R extends RouteDef> = Pick<
  HandlerContext<R>,
  "input" | "actor" | "org" | "requestId" | "deps" | "request" | "reply"
>;

/** A write handler whose slow part (a file scan) runs before the request's transaction opens. */
export interface TwoStepHandler<R extends RouteDef> extends Handler<R> {
  beforeTransaction(ctx: BeforeTransactionContext<R>): Promise<unknown>;
}

/**
 * Builds a handler in two steps. `before` runs after authorisation and input validation but outside any
 * transaction, so on the embedded database other requests are answered meanwhile; it may read through
 * `deps.db` and must change nothing. `handle` then runs in the request's transaction with what `before`
 * returned, and should check again anything that may have changed in between.
 */
export function handleAfterPreparing<R extends RouteDef, P>(
  before: (ctx: BeforeTransactionContext<R>) => Promise<P>,
  handle: (ctx: HandlerContext<R>, prepared: P) => ReturnType<Handler<R>>,
): TwoStepHandler<R> {
  const prepared = new WeakMap<FastifyRequest, P>();
  const handler = (async (ctx: HandlerContext<R>) => {
    if (!prepared.has(ctx.request)) throw new Error("the step before the transaction did not run");
    return handle(ctx, prepared.get(ctx.request) as P);
  }) as TwoStepHandler<R>;
  handler.beforeTransaction = async (ctx) => {
    prepared.set(ctx.request, await before(ctx));
  };
  return handler;
}
