import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Addresses a webhook must not reach unless an administrator allows it (AIMS_WEBHOOK_ALLOW_PRIVATE):
 * the host itself, private networks, link-local (cloud metadata services live there), carrier-grade
 * NAT, unique-local, multicast and reserved ranges. A webhook could otherwise be aimed at services
 * inside the network the server runs in.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** Whether an IP address is loopback, private, link-local, unique-local, CGNAT or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // An IPv4 address inside IPv6 (::ffff:10.0.0.1, NAT64 64:ff9b::a00:1) is judged as that IPv4 address.
  const embedded = embeddedIpv4(lower);
  if (embedded !== null) return blocked.check(embedded, "ipv4");
  return blocked.check(lower, "ipv6");
}

function embeddedIpv4(address: string): string | null {
  const dotted = /^(?:::ffff:|::ffff:0:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!hex?.[1] || !hex[2]) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Why a webhook's host may not be called, or null when it may. */
export type TargetRefusal = { reason: "private"; address: string } | { reason: "unresolved"; detail: string };

/** The host of a URL as DNS and the address parser want it (no IPv6 brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * Resolves a webhook URL's host and refuses it when any address it resolves to is not public (a name
 * with one public and one private address could be steered to the private one). Allowed as is when
 * `allowPrivate`. `timeoutMs` bounds the lookup.
 */
export async function checkWebhookTarget(
  url: URL,
  allowPrivate: boolean,
  timeoutMs = 3000,
): Promise<TargetRefusal | null> {
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (isIP(host)) return isPrivateAddress(host) ? { reason: "private", address: host } : null;
  let addresses: { address: string }[];
  try {
    addresses = await withTimeout(lookup(host, { all: true, verbatim: true }), timeoutMs);
  } catch (error) {
    return { reason: "unresolved", detail: (error as NodeJS.ErrnoException).code ?? "lookup failed" };
  }
  const inside = addresses.find((entry) => isPrivateAddress(entry.address));
  return inside ? { reason: "private", address: inside.address } : null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
