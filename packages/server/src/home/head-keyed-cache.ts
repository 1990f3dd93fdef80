/**
 * A small read-through cache for values that change only when the organisation's audit-chain head
 * moves (every change writes an audit entry in its own transaction) or when the clock does. Callers
 * put the head and the day in the key, so a cached value is never one a change has outdated; the
 * time limit bounds what the clock alone changes (evidence reaching its end of validity). Each server
 * process keeps its own; the key is read from the shared database, so processes agree.
 */
export class HeadKeyedCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; at: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
  ) {}

  /** The cached value for `key` if younger than the time limit, else `compute()`, stored for the next caller. */
  async get(key: string, now: Date, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now.getTime() - hit.at < this.maxAgeMs && hit.at <= now.getTime()) return hit.value;
    // Concurrent callers share one computation; a failed one is not kept.
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { value, at: now.getTime() });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
