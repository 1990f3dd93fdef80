import { errorBodySchema, idSchema, meSchema } from "@openaims/contracts";
import { z } from "zod";
import { systemBySlugPath, tokenOrganisation } from "../remote/server-lookups.js";
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
  /**
   * The agent's API paths, with the organisation and the agent found by id or slug on first use (and
   * again after a failure). A failure to find them is an AimsServerError without a status: nothing
   * was sent, so a caller keeps what it meant to send.
   */
  paths(signal?: AbortSignal): Promise<AgentPaths>;
}

export interface AgentPaths {
  /** /api/v1/orgs/<org id> */
  orgPath: string;
  /** /api/v1/orgs/<org id>/agents/<system id> */
  agentPath: string;
}

const systemPageSchema = z.object({ items: z.array(z.object({ id: z.string(), slug: z.string() })) });
const isId = (value: string) => idSchema.safeParse(value).success;

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
  async function orgIdOf(signal?: AbortSignal): Promise<string> {
    const { org } = connection;
    if (org && isId(org)) return org;
    const me = await call("/api/v1/me", {}, meSchema, signal);
    if (org) {
      const membership = me.memberships.find((m) => m.orgSlug === org);
      if (!membership) throw new AimsServerError(`the token has no organisation with the slug '${org}'`, null);
      return membership.orgId;
    }
    const tokenOrg = tokenOrganisation(me);
    if (!tokenOrg)
      throw new AimsServerError("name the organisation (org): the token is not an API token of one organisation", null);
    return tokenOrg;
  }

  async function systemIdOf(orgPath: string, signal?: AbortSignal): Promise<string> {
    const { system } = connection;
    if (isId(system)) return system;
    const page = await call(systemBySlugPath(orgPath, system), {}, systemPageSchema, signal);
    const found = page.items.find((item) => item.slug === system);
    if (!found) throw new AimsServerError(`no live AI system has the slug '${system}' in the organisation`, null);
    return found.id;
  }

  let resolved: AgentPaths | null = null;
  async function paths(signal?: AbortSignal): Promise<AgentPaths> {
    if (resolved) return resolved;
    try {
      const orgPath = `/api/v1/orgs/${encodeURIComponent(await orgIdOf(signal))}`;
      const systemId = await systemIdOf(orgPath, signal);
      resolved = { orgPath, agentPath: `${orgPath}/agents/${encodeURIComponent(systemId)}` };
      return resolved;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new AimsServerError(`cannot find the agent on the server: ${why}`, null);
    }
  }

  return {
    connection,
    paths,
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
