/**
 * A concurrency gate whose limit adapts to the target: a 429 halves the limit (never below 1), and
 * every `limit` successes in a row raise it by one again, up to the configured maximum. Several 429s
 * for requests that were already in flight when the limit dropped count as one signal.
 */

export interface GateTicket {
  /** The limit generation the request started in. */
  readonly epoch: number;
  release(): void;
}

export interface AdaptiveGate {
  /** Waits for a free slot; `urgent` waiters (retries) go first. Undefined when `signal` aborts first. */
  acquire(signal?: AbortSignal, urgent?: boolean): Promise<GateTicket | undefined>;
  rateLimited(ticket: GateTicket): void;
  succeeded(): void;
  limit(): number;
  inFlight(): number;
  waiting(): number;
}

export function createAdaptiveGate(maxConcurrency: number): AdaptiveGate {
  const max = Math.max(1, Math.floor(maxConcurrency));
  let limit = max;
  let active = 0;
  let epoch = 0;
  let streak = 0;
  const queue: Array<() => void> = [];

  const issue = (): GateTicket => {
    active++;
    let released = false;
    return {
      epoch,
      release() {
        if (released) return;
        released = true;
        active--;
        pump();
      },
    };
  };

  const pump = () => {
    while (active < limit && queue.length > 0) queue.shift()?.();
  };

  return {
    acquire(signal, urgent = false) {
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve(undefined);
        const grant = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(issue());
        };
        const onAbort = () => {
          const index = queue.indexOf(grant);
          if (index >= 0) queue.splice(index, 1);
          resolve(undefined);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        if (urgent) queue.unshift(grant);
        else queue.push(grant);
        pump();
      });
    },

    rateLimited(ticket) {
      if (ticket.epoch !== epoch) return;
      limit = Math.max(1, Math.floor(limit / 2));
      epoch++;
      streak = 0;
    },

    succeeded() {
      if (limit >= max) return;
      streak++;
      if (streak >= limit) {
        limit++;
        streak = 0;
        pump();
      }
    },

    limit: () => limit,
    inFlight: () => active,
    waiting: () => queue.length,
  };
}
