/**
 * Seeded, platform-independent randomness. Every random choice of a run (transform variants,
 * canaries, markers) derives from the run seed and a label naming what it is for, so the same
 * seed reproduces the same scan byte for byte.
 */
import { createHmac } from "node:crypto";

/** HMAC-SHA256 of `label` under the seed, as `length` lowercase hex characters (any length). */
export function hmacHex(seed: number, label: string, length = 64): string {
  if (!Number.isInteger(length) || length < 0) throw new RangeError("length must be a non-negative integer");
  let out = hmac(seed, label);
  // Longer outputs chain blocks over a counter; the first block stays the plain HMAC.
  for (let block = 1; out.length < length; block++) out += hmac(seed, `${label}\u0000${block}`);
  return out.slice(0, length);
}

/**
 * A reproducible stream of numbers in [0, 1): sfc32 seeded with the first 16 bytes of
 * HMAC-SHA256(key = String(seed), label). Uses only 32-bit integer arithmetic, so every platform
 * produces the same sequence.
 */
export function seededRandom(seed: number, label: string): () => number {
  const state = createHmac("sha256", String(seed)).update(label, "utf8").digest();
  let a = state.readUInt32LE(0);
  let b = state.readUInt32LE(4);
  let c = state.readUInt32LE(8);
  let d = state.readUInt32LE(12);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 are poorly mixed; discard them as its author recommends.
  for (let i = 0; i < 12; i++) next();
  return next;
}

function hmac(seed: number, label: string): string {
  return createHmac("sha256", String(seed)).update(label, "utf8").digest("hex");
}
