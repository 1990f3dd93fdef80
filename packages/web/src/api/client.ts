import type { RouteDef } from "@openaims/contracts";
import type { z } from "zod";
import { ApiError } from "./api-error";

type Params<R extends RouteDef> = R["params"] extends z.ZodType ? { params: z.input<R["params"]> } : { params?: never };
type Query<R extends RouteDef> = R["query"] extends z.ZodType
  ? { query?: Partial<z.output<R["query"]>> }
  : { query?: never };
type Body<R extends RouteDef> = R["upload"] extends { maxBytes: number }
  ? { body: Blob }
  : R["body"] extends z.ZodType
    ? { body: z.input<R["body"]> }
    : { body?: never };

/** What a call to a route takes: path params, query and body, each typed by the route's schemas. */
export type ApiInput<R extends RouteDef> = Params<R> & Query<R> & Body<R> & { signal?: AbortSignal };

/** What a route answers with, typed by its response schema. */
export type ApiResult<R extends RouteDef> = R["response"] extends z.ZodType ? z.output<R["response"]> : undefined;

type InputArgs<R extends RouteDef> = object extends ApiInput<R> ? [input?: ApiInput<R>] : [input: ApiInput<R>];

/** Kept in memory only; refreshed from GET /auth/session on page load and by every sign-in. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Fills `:name` segments of a route path and appends the query string. */
export function buildUrl(path: string, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** Calls one API route from the contract table and returns its (unparsed, trusted) JSON response. */
export async function callApi<R extends RouteDef>(route: R, ...[input]: InputArgs<R>): Promise<ApiResult<R>> {
  const { params, query, body, signal } = (input ?? {}) as ApiInput<RouteDef>;
  const headers: Record<string, string> = { accept: "application/json" };
  const file = (body as unknown) instanceof Blob ? (body as unknown as Blob) : null;
  if (body !== undefined) headers["content-type"] = file ? file.type || "application/octet-stream" : "application/json";
  if (route.method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(route.path, params, query), {
      method: route.method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw ApiError.network();
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  if (route.response === null || response.status === 204) return undefined as ApiResult<R>;
  return (await response.json()) as ApiResult<R>;
}
