import type { CompiledPolicy, compilePolicy } from "@openaims/core";

/** How many compiled policies a server keeps; each agent's approved version is one entry. */
const CACHE_LIMIT = 500;

type CompileResult = ReturnType<typeof compilePolicy>;

/**
 * Compiled policies by key (a version id with the tool classes it was compiled with), least recently
 * used evicted first, so the decision API compiles a policy once and not on every call. An approved
 * version never changes, so a key never goes stale.
 */
const cache = new Map<string, CompileResult>();

/** The compiled form kept under this key, if any: lets a caller skip reading the document at all. */
export function cachedCompilation(key: string): CompileResult | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** The compiled form of a stored document, from the cache when this key was compiled before. */
export function compileCached(key: string, compile: () => CompileResult): CompileResult {
  const hit = cachedCompilation(key);
  if (hit) return hit;
  const result = compile();
  cache.set(key, result);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

export type { CompiledPolicy };
