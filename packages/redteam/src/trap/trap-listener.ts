/**
 * A loopback HTTP listener that counts fetches of per-case trap URLs. A probe plants
 * `${baseUrl}/t/<token>` in content the application reads; a hit proves the application (or its
 * tools) followed an instruction to fetch it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TrapListener {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  urlFor(token: string): string;
  /** Fetches seen for `token` so far. */
  hits(token: string): number;
  close(): Promise<void>;
}

/** Distinct tokens remembered; fetches of further new tokens are answered but not counted. */
export const MAX_TRAP_TOKENS = 100_000;
const tokenPattern = /^\/t\/([^/?#]{1,256})(?:[/?#]|$)/;

/** Starts the listener on a free loopback port. `maxTokens` bounds memory (default MAX_TRAP_TOKENS). */
export async function startTrapListener(options: { maxTokens?: number } = {}): Promise<TrapListener> {
  const maxTokens = options.maxTokens ?? MAX_TRAP_TOKENS;
  const counts = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const token = readToken(request.url ?? "");
    // The body is never needed; drain it so the connection stays usable.
    request.resume();
    if (token === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const seen = counts.get(token);
    if (seen !== undefined) counts.set(token, seen + 1);
    else if (counts.size < maxTokens) counts.set(token, 1);
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    urlFor: (token) => `${baseUrl}/t/${token}`,
    hits: (token) => counts.get(token) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The token of a /t/<token> path, percent-decoded; undefined for any other path. */
function readToken(path: string): string | undefined {
  const raw = tokenPattern.exec(path)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
