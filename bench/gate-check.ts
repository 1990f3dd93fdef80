import { measureRoute } from "./http-load.js";

export interface GateCheckLoad {
  p50Ms: number;
  p95Ms: number;
  requestsPerSecond: number;
  /** Answers other than 2xx and connection errors; both should be 0. */
  non2xx: number;
  errors: number;
}

/**
 * Load on the read-only release-gate route (`GET …/systems/:systemId/gate?stage=deployment`), the
 * call a deploy pipeline's `aims gate check` makes: `connections` callers for `seconds` after a short
 * uncounted warm-up, against a running server.
 */
export async function benchGateCheck(
  baseUrl: string,
  token: string,
  orgId: string,
  systemId: string,
  connections: number,
  seconds: number,
): Promise<GateCheckLoad> {
  const path = `/api/v1/orgs/${orgId}/systems/${systemId}/gate?stage=deployment`;
  const load = await measureRoute(baseUrl, path, token, connections, seconds);
  return {
    p50Ms: load.p50Ms,
    p95Ms: load.p95Ms,
    requestsPerSecond: load.requestsPerSecond,
    non2xx: load.non2xx,
    errors: load.errors,
  };
}
