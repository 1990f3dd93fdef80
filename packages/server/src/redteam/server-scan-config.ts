import type { runRedteamScanRequestSchema } from "@openaims/contracts";
import type { z } from "zod";

type RunRequest = z.output<typeof runRedteamScanRequestSchema>;

/** Cases in flight at once when the request does not say: the server has other work to do. */
export const DEFAULT_SERVER_CONCURRENCY = 2;

/**
 * The scanner configuration for a scan started from the UI: the built-in pack against one network
 * target. A key is only ever referenced by the name of a server environment variable, never sent or stored.
 */
export function serverScanConfig(request: RunRequest): Record<string, unknown> {
  const { target } = request;
  const keyHeader = target.apiKeyEnv ? { authorization: `Bearer \${env:${target.apiKeyEnv}}` } : {};
  const targetConfig =
    target.type === "openai"
      ? {
          type: "openai",
          url: target.url,
          model: target.model,
          ...(target.apiKeyEnv ? { apiKeyEnv: target.apiKeyEnv } : {}),
        }
      : { type: "http", url: target.url, headers: keyHeader, ...(target.reply ? { reply: target.reply } : {}) };
  return {
    target: targetConfig,
    packs: ["default"],
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    concurrency: request.concurrency ?? DEFAULT_SERVER_CONCURRENCY,
  };
}

/** The only environment a server-side scan sees: the one variable named as the target's key, if any. */
export function serverScanEnv(request: RunRequest, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const name = request.target.apiKeyEnv;
  return name && env[name] !== undefined ? { [name]: env[name] } : {};
}
