import { errorBodySchema } from "@openaims/contracts";
import type { z } from "zod";
import type { ServerConnection } from "./gateway-config.js";

/** A refusal or failure of the OpenAIMS server, with the HTTP status when there was an answer. */
export class AimsServerError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "AimsServerError";
  }
}

/** JSON calls to an OpenAIMS server with an API token, each answer checked against its contract. */
export interface AimsServerClient {
  readonly connection: ServerConnection;
  get<T extends z.ZodType>(path: string, schema: T, signal?: AbortSignal): Promise<z.output<T>>;
  post<T extends z.ZodType>(path: string, body: unknown, schema: T, signal?: AbortSignal): Promise<z.output<T>>;
  /** /api/v1/orgs/<org>/agents/<system> */
  readonly agentPath: string;
  /** /api/v1/orgs/<org> */
  readonly orgPath: string;
}

export function aimsServerClient(connection: ServerConnection): AimsServerClient {
  async function call<T extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: T,
    signal?: AbortSignal,
  ): Promise<z.output<T>> {
    let response: Response;
    try {
      response = await fetch(`${connection.url}${path}`, {
        ...init,
        signal: signal ?? null,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${connection.token}` },
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new AimsServerError(`cannot reach ${connection.url} (${cause})`, null);
    }
    const text = await response.text();
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try {
        const body = errorBodySchema.safeParse(JSON.parse(text));
        if (body.success) detail = `${response.status}: ${body.data.error.message}`;
      } catch {
        // Not JSON: the status line says enough.
      }
      throw new AimsServerError(`the server answered ${detail}`, response.status);
    }
    const checked = schema.safeParse(JSON.parse(text));
    if (!checked.success)
      throw new AimsServerError(`the server's answer to ${path} is not what was expected`, response.status);
    return checked.data;
  }
  const orgPath = `/api/v1/orgs/${encodeURIComponent(connection.org)}`;
  return {
    connection,
    orgPath,
    agentPath: `${orgPath}/agents/${encodeURIComponent(connection.system)}`,
    get: (path, schema, signal) => call(path, {}, schema, signal),
    post: (path, body, schema, signal) =>
      call(
        path,
        { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
        schema,
        signal,
      ),
  };
}
