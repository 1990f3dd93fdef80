/**
 * Sends the guard's decisions and screenings to the server in batches, off the application's path:
 * adding a report never waits. The queue is bounded (the oldest reports are dropped and counted
 * when the server stays unreachable), a failed batch is retried with exponential backoff (or the
 * server's Retry-After), and every report carries its own id, so a batch sent twice is recorded
 * once. A batch the server refuses for good (a 4xx other than 408 and 429) is dropped and counted.
 */
import { AGENT_DECISION_REPORT_MAX_BYTES, type ReportedDecision, type ReportedScreening } from "@openaims/contracts";
import type { ReportSettings } from "./report-options.js";

/** What the reporter tells the application about its work. */
export type ReportEvent =
  | { type: "report-sent"; decisions: number; screenings: number }
  | { type: "report-failed"; status: number | null; message: string; retryInMs: number }
  | { type: "report-rejected"; status: number; message: string; decisions: number; screenings: number }
  | { type: "report-dropped"; dropped: number };

export interface ReportStats {
  /** Reports waiting to be sent. */
  queued: number;
  sentDecisions: number;
  sentScreenings: number;
  /** Reports dropped because the queue was full (or one report was larger than a request may be). */
  dropped: number;
  /** Reports the server refused for good. */
  rejected: number;
  /** Requests that failed and were retried. */
  failures: number;
}

interface Entry {
  kind: "decision" | "screening";
  /** The report's JSON, made when it is added so a later change to its objects cannot alter it. */
  json: string;
  bytes: number;
}

/** Room left for the envelope of a batch body. */
const BODY_BYTES = AGENT_DECISION_REPORT_MAX_BYTES / 2;
const FIRST_BACKOFF_MS = 500;

export class DecisionReporter {
  private queue: Entry[] = [];
  private sending: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = 0;
  private attempt = 0;
  private retryAt = 0;
  private closed = false;
  private readonly counts = { sentDecisions: 0, sentScreenings: 0, dropped: 0, rejected: 0, failures: 0 };

  constructor(
    private readonly settings: ReportSettings,
    private readonly emit: (event: ReportEvent) => void,
  ) {}

  addDecision(decision: ReportedDecision): void {
    this.add("decision", decision);
  }

  addScreening(screening: ReportedScreening): void {
    this.add("screening", screening);
  }

  stats(): ReportStats {
    return { queued: this.queue.length, ...this.counts };
  }

  /**
   * Sends what is queued now, batch after batch, until the queue is empty or a request fails;
   * resolves true when everything queued was sent (or refused for good). Never rejects.
   */
  async flush(): Promise<boolean> {
    if (this.sending) await this.sending;
    let done = true;
    while (this.queue.length > 0 && done) done = await this.sendOne();
    // A failed flush leaves the rest to the timer, after the backoff.
    this.schedule();
    return done;
  }

  /** Stops the timer and sends what is queued once; later reports are dropped and counted. */
  async close(): Promise<boolean> {
    this.closed = true;
    this.clearTimer();
    return this.flush();
  }

  private add(kind: Entry["kind"], report: ReportedDecision | ReportedScreening): void {
    if (this.closed) {
      this.drop(1);
      return;
    }
    let json: string;
    try {
      json = JSON.stringify(report);
    } catch {
      // Arguments JSON cannot carry (a cycle, a BigInt) make a report that cannot be sent.
      this.drop(1);
      return;
    }
    const bytes = Buffer.byteLength(json);
    if (bytes > BODY_BYTES) {
      this.drop(1);
      return;
    }
    this.queue.push({ kind, json, bytes });
    if (this.queue.length > this.settings.maxQueue) {
      const excess = this.queue.length - this.settings.maxQueue;
      this.queue.splice(0, excess);
      this.drop(excess);
    }
    this.schedule();
  }

  private drop(count: number): void {
    this.counts.dropped += count;
    this.emit({ type: "report-dropped", dropped: this.counts.dropped });
  }

  /** Arms the timer for the next send: at once when a batch is full, after the interval otherwise, not before a retry is due. */
  private schedule(): void {
    if (this.closed || this.sending || this.queue.length === 0) return;
    const full = this.queue.length >= this.settings.batchSize;
    const at = Math.max(this.retryAt, Date.now() + (full ? 0 : this.settings.intervalMs));
    if (this.timer !== null && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.sendOne().then(() => this.schedule());
      },
      Math.max(0, at - Date.now()),
    );
    // Reporting never keeps the application's process alive; close() sends what is left.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sends the first batch; true when it was accepted or refused for good, false when it must be retried. */
  private sendOne(): Promise<boolean> {
    if (this.sending) return this.sending;
    const batch = this.takeBatch();
    if (batch.length === 0) return Promise.resolve(true);
    this.sending = this.post(batch).finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private takeBatch(): Entry[] {
    const batch: Entry[] = [];
    let bytes = 0;
    for (const entry of this.queue) {
      if (batch.length >= this.settings.batchSize || bytes + entry.bytes > BODY_BYTES) break;
      batch.push(entry);
      bytes += entry.bytes;
    }
    return batch;
  }

  private async post(batch: Entry[]): Promise<boolean> {
    const decisions = batch.filter((entry) => entry.kind === "decision");
    const screenings = batch.filter((entry) => entry.kind === "screening");
    const body = `{"decisions":[${decisions.map((entry) => entry.json).join(",")}],"screenings":[${screenings.map((entry) => entry.json).join(",")}]}`;
    let status: number | null = null;
    let message: string;
    let retryAfterMs: number | null = null;
    try {
      const response = await this.settings.fetch(this.settings.endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${this.settings.token}`, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      status = response.status;
      const text = await response.text();
      if (response.ok) {
        this.remove(batch);
        this.attempt = 0;
        this.retryAt = 0;
        this.counts.sentDecisions += decisions.length;
        this.counts.sentScreenings += screenings.length;
        this.emit({ type: "report-sent", decisions: decisions.length, screenings: screenings.length });
        return true;
      }
      message = serverMessage(text, response.status);
      // A client error other than a timeout or a rate limit will not change when the batch is sent again.
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        this.remove(batch);
        this.counts.rejected += batch.length;
        this.emit({
          type: "report-rejected",
          status: response.status,
          message,
          decisions: decisions.length,
          screenings: screenings.length,
        });
        return true;
      }
      retryAfterMs = retryAfter(response.headers.get("retry-after"));
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      message = `cannot reach the server (${cause})`;
    }
    this.attempt++;
    this.counts.failures++;
    const backoff = Math.min(this.settings.maxBackoffMs, FIRST_BACKOFF_MS * 2 ** Math.min(this.attempt - 1, 20));
    const retryInMs = Math.min(this.settings.maxBackoffMs, retryAfterMs ?? backoff);
    this.retryAt = Date.now() + retryInMs;
    this.emit({ type: "report-failed", status, message, retryInMs });
    return false;
  }

  /** Takes a sent batch out of the queue; entries dropped while it was in flight are simply gone. */
  private remove(batch: Entry[]): void {
    const sent = new Set(batch);
    this.queue = this.queue.filter((entry) => !sent.has(entry));
  }
}

function serverMessage(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message.slice(0, 500);
  } catch {
    // not JSON: the status says enough
  }
  return `the server answered ${status}`;
}

/** Retry-After in seconds (a date is also allowed by HTTP), as ms; null when absent or unreadable. */
function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
