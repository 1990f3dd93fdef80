import { appendFile, readFile, rename, writeFile } from "node:fs/promises";
import {
  AGENT_DECISION_REPORT_MAX_DECISIONS,
  agentDecisionReportResultSchema,
  type ReportedDecision,
} from "@openaims/contracts";
import { type AimsServerClient, AimsServerError } from "./aims-server.js";
import type { GatewayLog } from "./gateway-log.js";
import { message } from "./upstream.js";

/** Most decisions the buffer file keeps while the server is away; the oldest go first past it. */
export const MAX_BUFFERED_DECISIONS = 100_000;
/** Most decisions held in memory between sends before they are written to the buffer file. */
const MAX_IN_MEMORY = 10_000;

/**
 * Sends every decision (allows included) to the server's decision log in batches. When the server
 * cannot be reached the batch is appended to a JSONL buffer file and re-sent later, oldest first;
 * the server records a decision once per clientDecisionId, so a re-send is harmless.
 */
export class DecisionReporter {
  private queue: ReportedDecision[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private warnedUnreachable = false;

  constructor(
    private readonly server: AimsServerClient,
    private readonly bufferPath: string,
    private readonly intervalMs: number,
    private readonly log: GatewayLog,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
    void this.flush();
  }

  add(decision: ReportedDecision): void {
    this.queue.push(decision);
    if (this.queue.length >= MAX_IN_MEMORY) void this.flush();
  }

  /** Sends what the buffer file holds, then what is in memory; one send at a time. */
  flush(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async sendAll(): Promise<void> {
    const buffered = await this.readBuffer();
    try {
      for (let start = 0; start < buffered.length; start += AGENT_DECISION_REPORT_MAX_DECISIONS) {
        await this.send(buffered.slice(start, start + AGENT_DECISION_REPORT_MAX_DECISIONS));
        await this.writeBuffer(buffered.slice(start + AGENT_DECISION_REPORT_MAX_DECISIONS));
      }
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, AGENT_DECISION_REPORT_MAX_DECISIONS);
        await this.send(batch);
        this.queue.splice(0, batch.length);
      }
      if (this.warnedUnreachable) this.log.warn("decisions are reaching the server again");
      this.warnedUnreachable = false;
    } catch (error) {
      if (!this.warnedUnreachable)
        this.log.warn(`cannot report decisions (${message(error)}); keeping them in ${this.bufferPath}`);
      this.warnedUnreachable = true;
      const waiting = this.queue.splice(0, this.queue.length);
      if (waiting.length > 0) await this.appendBuffer(waiting);
    }
  }

  /**
   * Sends one batch. A batch the server refuses as invalid (400, 413, 422) would be refused again on
   * every re-send: it is split in halves until the decisions at fault are found, and those are
   * dropped with a warning. Other refusals (a wrong token, an unknown agent) keep the batch for later.
   */
  private async send(batch: ReportedDecision[]): Promise<void> {
    if (batch.length === 0) return;
    const { agentPath } = await this.server.paths();
    try {
      await this.server.post(`${agentPath}/decision-reports`, { decisions: batch }, agentDecisionReportResultSchema);
    } catch (error) {
      const status = error instanceof AimsServerError ? error.status : null;
      if (status !== 400 && status !== 413 && status !== 422) throw error;
      if (batch.length === 1) {
        this.log.warn(`the server refused the decision on ${batch[0]?.call.name} (${message(error)}); it is dropped`);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.send(batch.slice(0, half));
      await this.send(batch.slice(half));
    }
  }

  private async readBuffer(): Promise<ReportedDecision[]> {
    let text: string;
    try {
      text = await readFile(this.bufferPath, "utf8");
    } catch {
      return [];
    }
    const decisions: ReportedDecision[] = [];
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        decisions.push(JSON.parse(line) as ReportedDecision);
      } catch {
        // A line cut short by a crash while writing: nothing to re-send.
      }
    }
    return decisions;
  }

  private async writeBuffer(decisions: ReportedDecision[]): Promise<void> {
    const temporary = `${this.bufferPath}.tmp`;
    await writeFile(temporary, lines(decisions), { mode: 0o600 });
    await rename(temporary, this.bufferPath);
  }

  private async appendBuffer(decisions: ReportedDecision[]): Promise<void> {
    try {
      const existing = await this.readBuffer();
      if (existing.length + decisions.length > MAX_BUFFERED_DECISIONS) {
        const kept = [...existing, ...decisions].slice(-MAX_BUFFERED_DECISIONS);
        this.log.warn(
          `the decision buffer is full; dropped the ${existing.length + decisions.length - kept.length} oldest`,
        );
        await this.writeBuffer(kept);
      } else await appendFile(this.bufferPath, lines(decisions), { mode: 0o600 });
    } catch (error) {
      this.log.warn(
        `cannot write the decision buffer ${this.bufferPath} (${message(error)}); ${decisions.length} decisions lost`,
      );
    }
  }

  /** Stops the timer and makes one last attempt; what cannot be sent stays in the buffer file. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sending;
    await this.flush();
  }
}

function lines(decisions: ReportedDecision[]): string {
  return decisions.map((decision) => `${JSON.stringify(decision)}\n`).join("");
}
