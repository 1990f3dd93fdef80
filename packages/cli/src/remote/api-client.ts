import { type ErrorBody, errorBodySchema, meSchema } from "@openaims/contracts";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { tokenOrganisation } from "./server-lookups.js";

/** Exit codes for the HTTP statuses a running server answers with. */
function exitCodeFor(status: number): ExitCodeValue {
  if (status === 400 || status === 401) return ExitCode.usage;
  if (status === 404) return ExitCode.notFound;
  if (status === 403 || status === 409 || status === 423) return ExitCode.refused;
  return ExitCode.unexpected;
}

/** A client for a running server, from AIMS_URL and AIMS_TOKEN. */
export interface RemoteApi {
  baseUrl: string;
  /** GETs a path below the server's address; a refusal becomes a CliError with the server's message. */
  get(path: string): Promise<Response>;
  /** POSTs a body (JSON text or raw bytes) below the server's address; refusals as for get. */
  post(path: string, body: string | Buffer, contentType: string): Promise<Response>;
  /** The organisation the token was issued for. */
  tokenOrgId(): Promise<string>;
}

export function remoteApi(io: CliIo): RemoteApi {
  const rawUrl = io.env.AIMS_URL?.trim();
  const token = io.env.AIMS_TOKEN?.trim();
  if (!rawUrl || !token)
    throw usageError(
      "Set AIMS_URL to the server's address (e.g. http://localhost:8080) and AIMS_TOKEN to an API token.",
    );
  let baseUrl: string;
  try {
    const url = new URL(rawUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    baseUrl = url.href.replace(/\/+$/, "");
  } catch {
    throw usageError(`AIMS_URL is not an http(s) address: '${rawUrl}'.`);
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new CliError(ExitCode.unavailable, `Cannot reach the server at ${baseUrl} (${cause}).`);
    }
    if (response.ok) return response;
    throw new CliError(exitCodeFor(response.status), await failureMessage(response));
  }

  const get = (path: string) => request(path);
  const post = (path: string, body: string | Buffer, contentType: string) =>
    request(path, {
      method: "POST",
      body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]),
      headers: { "content-type": contentType },
    });

  return {
    baseUrl,
    get,
    post,
    async tokenOrgId() {
      const me = meSchema.parse(await (await get("/api/v1/me")).json());
      const orgId = tokenOrganisation(me);
      if (!orgId) throw usageError("AIMS_TOKEN must be an API token issued for one organisation.");
      return orgId;
    },
  };
}

async function failureMessage(response: Response): Promise<string> {
  const text = await response.text();
  let body: ErrorBody | null = null;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    body = parsed.success ? parsed.data : null;
  } catch {
    body = null;
  }
  if (response.status === 401) return `The server refused AIMS_TOKEN: ${body?.error.message ?? "not signed in"}`;
  return body ? body.error.message : `The server answered ${response.status} ${response.statusText}.`;
}
