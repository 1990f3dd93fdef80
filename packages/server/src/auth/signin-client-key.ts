import { isIP } from "node:net";

/**
 * The key the per-address sign-in limit counts under. IPv4 addresses count one by one; IPv6 clients
 * count per /64 network, since one host or household is usually handed a whole /64 and could
 * otherwise try 2^64 addresses in turn. IPv4-mapped IPv6 addresses (a server listening on `::`)
 * count as the IPv4 address they carry.
 */
export function signinClientKey(ip: string): string {
  const address = ip.split("%")[0] ?? "";
  if (isIP(address) !== 6) return `ip:${ip}`;
  const groups = expandIpv6(address.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return `ip:${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `ip6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, with `::` and an IPv4 tail written out. */
function expandIpv6(address: string): number[] {
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = tail
    ? `${address.slice(0, tail.index)}${((Number(tail[1]) << 8) | Number(tail[2])).toString(16)}:${((Number(tail[3]) << 8) | Number(tail[4])).toString(16)}`
    : address;
  const [head = "", rest] = hex.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const zeros = rest === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16));
}
