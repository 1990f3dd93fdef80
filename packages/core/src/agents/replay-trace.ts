import type { ActionDecision, ActionKind, DecisionOutcome } from "@openaims/contracts";
import type { CompiledPolicy } from "./compiled-policy.js";
import { decideAction } from "./decide-action.js";
import { type ActionCall, emptySessionState, markUntrusted, recordStep, type SessionState } from "./session-state.js";
import { spendOf } from "./spend-of.js";
import { UsageTracker } from "./usage-tracker.js";

/** One recorded action of an agent, or (untrusted: true) a read of untrusted content. */
export interface TraceEntry {
  session: string;
  kind: ActionKind;
  name: string;
  arguments: unknown;
  /** ISO time; rate limits and daily budgets are counted from it. */
  at?: string;
  /** The entry is content the agent read (a web page, a tool result) that marks its session untrusted. */
  untrusted?: boolean;
  /** What was decided when the trace was recorded; the baseline when no baseline policy is given. */
  recorded?: DecisionOutcome;
}

export interface ReplayStep {
  /** Index of the entry in the trace. */
  index: number;
  session: string;
  call: ActionCall;
  /** The baseline policy's decision, or the recorded outcome, or null when there is neither. */
  before: ActionDecision | null;
  after: ActionDecision;
  /** The outcome differs from before's. */
  changed: boolean;
}

export interface ReplayCounts {
  steps: number;
  sessions: number;
  untrustedReads: number;
  changed: number;
  before: Record<DecisionOutcome, number>;
  after: Record<DecisionOutcome, number>;
}

export interface ReplayResult {
  steps: ReplayStep[];
  counts: ReplayCounts;
}

/**
 * Replays a trace against a draft policy (and a baseline: the approved policy, or the outcomes the
 * trace recorded) to show which decisions would change. Each session starts with fresh state and
 * usage; each policy's session evolves by its own decisions, a call needing approval counting as
 * approved (it runs once a person says yes).
 */
export function replayTrace(
  draft: CompiledPolicy,
  baseline: CompiledPolicy | null,
  trace: readonly TraceEntry[],
): ReplayResult {
  const afterRun = new PolicyRun(draft);
  const beforeRun = baseline ? new PolicyRun(baseline) : null;
  const steps: ReplayStep[] = [];
  const sessions = new Set<string>();
  const counts: ReplayCounts = {
    steps: 0,
    sessions: 0,
    untrustedReads: 0,
    changed: 0,
    before: { allow: 0, deny: 0, approval_required: 0 },
    after: { allow: 0, deny: 0, approval_required: 0 },
  };
  let clock = 0;
  trace.forEach((entry, index) => {
    sessions.add(entry.session);
    const parsed = entry.at === undefined ? Number.NaN : Date.parse(entry.at);
    if (Number.isFinite(parsed)) clock = parsed;
    if (entry.untrusted) {
      counts.untrustedReads++;
      afterRun.markUntrusted(entry.session, entry.name);
      beforeRun?.markUntrusted(entry.session, entry.name);
      return;
    }
    const call: ActionCall = { kind: entry.kind, name: entry.name, arguments: entry.arguments };
    const after = afterRun.decide(entry.session, call, clock);
    let before: ActionDecision | null = null;
    if (beforeRun) before = beforeRun.decide(entry.session, call, clock);
    else if (entry.recorded) {
      before = { outcome: entry.recorded, rule: "recorded", reason: "the outcome recorded in the trace" };
    }
    const changed = before !== null && before.outcome !== after.outcome;
    steps.push({ index, session: entry.session, call, before, after, changed });
    counts.steps++;
    counts.after[after.outcome]++;
    if (before) counts.before[before.outcome]++;
    if (changed) counts.changed++;
  });
  counts.sessions = sessions.size;
  return { steps, counts };
}

/** One policy's view of every session in a replay. */
class PolicyRun {
  private readonly sessions = new Map<string, { state: SessionState; usage: UsageTracker }>();

  constructor(private readonly policy: CompiledPolicy) {}

  decide(session: string, call: ActionCall, now: number): ActionDecision {
    const current = this.get(session);
    const usage = call.kind === "tool" ? current.usage.usage(call.name, now) : undefined;
    const decision = decideAction(this.policy, call, { session: current.state, usage });
    const outcome = decision.outcome === "deny" ? "deny" : decision.outcome === "allow" ? "allow" : "approved";
    current.state = recordStep(current.state, call, outcome, this.policy, now);
    if (outcome !== "deny" && call.kind === "tool") current.usage.record(call.name, spendOf(this.policy, call), now);
    return decision;
  }

  markUntrusted(session: string, source: string): void {
    const current = this.get(session);
    current.state = markUntrusted(current.state, source);
  }

  private get(session: string) {
    let current = this.sessions.get(session);
    if (!current) {
      current = { state: emptySessionState(), usage: new UsageTracker(1000) };
      this.sessions.set(session, current);
    }
    return current;
  }
}
