import { isIP } from "node:net";

/**
 * Which proxies may set the client address through X-Forwarded-For: none (`false`), or the listed
 * proxy addresses and networks. Passed to Fastify's `trustProxy` (proxy-addr).
 */
export type TrustProxy = false | string[];

/** Names proxy-addr understands for the loopback, link-local and private (unique local) ranges. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const EXAMPLES =
  "list the addresses of the proxies in front of the server (AIMS_TRUST_PROXY=10.0.0.1,192.168.0.0/16), " +
  "or write loopback for a proxy on the same host, uniquelocal for one on a private network";

/**
 * Reads AIMS_TRUST_PROXY. Only proxies named by address are believed, so a client that reaches the
 * server directly cannot choose the address that the per-address sign-in limit counts. Trusting
 * every hop (`true`, a /0 network) and hop counts are refused: a hop count cannot tell the proxy from
 * a client that sends its own X-Forwarded-For, and Fastify ignores it for that reason.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false" || text === "0") return false;
  if (/^(true|yes|on)$/i.test(text)) {
    throw new Error(
      `AIMS_TRUST_PROXY=${text} would believe every X-Forwarded-For entry, so any client could choose the address ` +
        `that sign-in limits count; ${EXAMPLES}.`,
    );
  }
  if (/^\d+$/.test(text)) {
    throw new Error(
      `AIMS_TRUST_PROXY=${text}: a hop count cannot tell the proxy from a client that connects directly and sends ` +
        `its own X-Forwarded-For; ${EXAMPLES}.`,
    );
  }
  return text.split(",").map((entry) => checkProxyEntry(entry.trim()));
}

function checkProxyEntry(entry: string): string {
  if (RANGE_NAMES.has(entry) || isIP(entry) !== 0) return entry;
  const [address = "", prefix, extra] = entry.split("/");
  const family = isIP(address);
  const maxPrefix = family === 4 ? 32 : 128;
  if (
    family === 0 ||
    prefix === undefined ||
    extra !== undefined ||
    !/^\d{1,3}$/.test(prefix) ||
    Number(prefix) > maxPrefix
  ) {
    throw new Error(
      `AIMS_TRUST_PROXY: '${entry}' is not an IP address, a network such as 10.0.0.0/8, or loopback, linklocal or ` +
        `uniquelocal; ${EXAMPLES}.`,
    );
  }
  if (Number(prefix) === 0)
    throw new Error(`AIMS_TRUST_PROXY: '${entry}' covers every address, which trusts any client; ${EXAMPLES}.`);
  return entry;
}
