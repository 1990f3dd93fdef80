import type { z } from "zod";
import type { Permission } from "./permissions.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT";

/** Who may call a route: anyone, any signed-in person, or a member holding a permission. */
export type RouteAccess = { kind: "public" } | { kind: "user" } | { kind: "org"; permission: Permission };

/**
 * One API route as data. The server registers handlers from these, the OpenAPI document is
 * generated from them, and the authorisation test walks them.
 */
export interface RouteDef {
  method: HttpMethod;
  /** Fastify-style path; org routes start with /api/v1/orgs/:orgId. */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  /** Changes state: needs a write-scope token, and a CSRF token with a session cookie. */
  write: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * The body is a raw file of any content type, at most `maxBytes` long; the handler receives it as a
   * Buffer in `input.body` (metadata travels in the query). Exclusive with `body`.
   */
  upload?: {
    maxBytes: number;
    /**
     * Stream the body to a temporary file before the transaction instead of holding it in memory; the
     * handler receives a SpooledUpload, and the file is deleted after the response. The server's own
     * limit for spooled files (AIMS_MODEL_UPLOAD_MAX_BYTES) applies when it is lower than maxBytes.
     */
    spool?: boolean;
  };
  /** Largest JSON body this route accepts, in bytes, for routes that need more than the server's default. */
  bodyLimit?: number;
  /** JSON response schema; null when the route redirects or streams another type. */
  response: z.ZodType | null;
  status?: number;
  /** Content type of a non-JSON response. */
  produces?: string;
}

export function defineRoute<const T extends RouteDef>(route: T): T {
  return route;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

/** An uploaded file streamed to a temporary file: where it is, its size and its SHA-256 (hex). */
export interface SpooledUpload {
  path: string;
  size: number;
  sha256: string;
}

/** The validated input a handler receives for a route. */
export interface RouteInput<R extends RouteDef> {
  params: Infer<R["params"]>;
  query: Infer<R["query"]>;
  body: R["upload"] extends { spool: true }
    ? SpooledUpload
    : R["upload"] extends { maxBytes: number }
      ? Buffer
      : Infer<R["body"]>;
}

/** What a handler for a route must return. */
export type RouteOutput<R extends RouteDef> = R["response"] extends z.ZodType ? z.input<R["response"]> : unknown;
