/**
 * `createGuard`: the runtime guard an application holds for one agent. It screens model input and
 * output in-process with the red-team engine's detectors, decides tool calls with core's decision
 * function against the agent's policy, and, when given a server, reports both in batches.
 */
import { randomUUID } from "node:crypto";
import { actionNameSchema, type ReportedDecision, type ReportedScreening } from "@openaims/contracts";
import type { PolicyError, SessionState } from "@openaims/core";
import { type GuardPolicy, loadPolicy } from "./decide/load-policy.js";
import { SessionStore } from "./decide/session-store.js";
import { type GuardCall, type GuardDecision, ToolDecider, type ToolResult } from "./decide/tool-decider.js";
import { DecisionReporter, type ReportEvent, type ReportStats } from "./report/decision-reporter.js";
import { type ReportOptions, reportSettings } from "./report/report-options.js";
import { findingAction, type ScreeningResult } from "./screen/findings.js";
import { type InputSource, inputSources, screenInputText } from "./screen/screen-input.js";
import { type ScreenOutputOptions, screenOutputText } from "./screen/screen-output.js";
import { type DetectorOptions, screeningSettings } from "./screen/screening-settings.js";

export interface GuardOptions {
  /**
   * The agent's action policy: a policy document, or its YAML or JSON text. Without one, or with
   * one that does not parse or compile, every tool call is denied, naming the reason.
   */
  policy?: GuardPolicy;
  /** Which detectors screen input and output, canaries, size limits, and the severity that blocks. */
  detectors?: DetectorOptions;
  /** Sessions kept in memory; the least recently used is forgotten first (default 10,000). */
  maxSessions?: number;
  /** A session unused this long (ms) starts again empty (default one hour). */
  sessionIdleMs?: number;
  /** Report decisions and screenings to an OpenAIMS server, in batches. */
  report?: ReportOptions;
  /** Called with each screening, decision and reporting event; an exception it throws is ignored. */
  onEvent?: (event: GuardEvent) => void;
  /** The clock, in ms since the epoch (default Date.now). */
  now?: () => number;
}

export type GuardEvent =
  | { type: "screened"; direction: "input" | "output"; source?: InputSource; result: ScreeningResult }
  | { type: "decided"; sessionId: string; call: GuardCall; decision: GuardDecision }
  | ReportEvent;

export interface GuardStats {
  sessions: number;
  /** Sessions forgotten to stay within maxSessions. */
  evictedSessions: number;
  /** Reporting counts; null without a server to report to. */
  report: ReportStats | null;
}

export interface Guard {
  /** Screens text the model is about to read; `source` says where it came from (default user). */
  screenInput(text: string, options?: { source?: InputSource }): ScreeningResult;
  /** Screens text the model wrote; `input` (what it was given) keeps echoed data from counting as a leak. */
  screenOutput(text: string, options?: ScreenOutputOptions): ScreeningResult;
  /**
   * Decides a tool call (or resources/read, prompts/get) in a session: allow, deny or approval_required.
   * `requester` (the person the agent acts for) is reported with the decision.
   */
  decideToolCall(sessionId: string, call: GuardCall, options?: { requester?: string }): GuardDecision;
  /** Records what happened to a call, so flow rules, rates and budgets see it. */
  recordToolResult(sessionId: string, call: GuardCall, result: ToolResult): void;
  /** Records that the session read untrusted content (a web page, an e-mail, a tool result). */
  markUntrusted(sessionId: string, source: string): void;
  /** The session's state as the decision function sees it; null for an unknown or idle session. */
  session(sessionId: string): SessionState | null;
  /** Mistakes that made the policy unusable (every call is then denied); empty when it is in force. */
  readonly policyErrors: readonly PolicyError[];
  /** SHA-256 of the policy in force; null when there is none. */
  readonly policySha256: string | null;
  stats(): GuardStats;
  /** Sends what is waiting to be reported; resolves true when all of it was sent. */
  flush(): Promise<boolean>;
  /** Sends what is waiting and stops reporting. */
  close(): Promise<boolean>;
}

export function createGuard(options: GuardOptions = {}): Guard {
  const now = options.now ?? Date.now;
  const settings = screeningSettings(options.detectors);
  const policyState = loadPolicy(options.policy);
  const sessions = new SessionStore(
    positive("maxSessions", options.maxSessions, 10_000),
    positive("sessionIdleMs", options.sessionIdleMs, 3_600_000),
  );
  const decider = new ToolDecider(policyState, sessions, now, randomUUID);
  const emit = (event: GuardEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // An observer's mistake must not change what the guard decides.
    }
  };
  const reporter = options.report ? new DecisionReporter(reportSettings(options.report), emit) : null;

  const reportScreening = (direction: "input" | "output", result: ScreeningResult) => {
    if (reporter === null) return;
    const at = new Date(now()).toISOString();
    for (const finding of result.findings) {
      const screening: ReportedScreening = {
        at,
        direction,
        rule: finding.rule,
        action: findingAction(finding, settings.blockAt) === "block" ? "blocked" : "flagged",
        clientScreeningId: randomUUID(),
      };
      reporter.addScreening(screening);
    }
  };

  return {
    screenInput(text, screenOptions = {}) {
      const source = screenOptions.source ?? "user";
      if (!inputSources.includes(source)) throw new TypeError(`source must be one of ${inputSources.join(", ")}`);
      const result = screenInputText(String(text), source, settings);
      reportScreening("input", result);
      emit({ type: "screened", direction: "input", source, result });
      return result;
    },
    screenOutput(text, outputOptions = {}) {
      const result = screenOutputText(String(text), settings, outputOptions);
      reportScreening("output", result);
      emit({ type: "screened", direction: "output", result });
      return result;
    },
    decideToolCall(sessionId, call, decideOptions = {}) {
      const decision = decider.decide(sessionId, call);
      // A call whose shape was refused cannot be written as the report format needs; it is only returned.
      if (reporter !== null && decision.rule !== "call" && actionNameSchema.safeParse(call.name).success)
        reporter.addDecision(reportedDecision(decision, call, decideOptions.requester));
      emit({ type: "decided", sessionId, call, decision });
      return decision;
    },
    recordToolResult(sessionId, call, result) {
      decider.recordResult(sessionId, call, result);
    },
    markUntrusted(sessionId, source) {
      decider.markUntrusted(sessionId, source);
    },
    session(sessionId) {
      return sessions.peek(sessionId, now());
    },
    policyErrors: policyState.ok ? [] : policyState.errors,
    policySha256: policyState.ok ? policyState.policy.sha256 : null,
    stats() {
      return { sessions: sessions.size, evictedSessions: sessions.evicted, report: reporter?.stats() ?? null };
    },
    flush: () => reporter?.flush() ?? Promise.resolve(true),
    close: () => reporter?.close() ?? Promise.resolve(true),
  };
}

/** The decision as the server's decision log records it. */
function reportedDecision(decision: GuardDecision, call: GuardCall, requester: string | undefined): ReportedDecision {
  const reported: ReportedDecision = {
    clientDecisionId: decision.decisionId,
    sessionId: decision.sessionId.trim(),
    decidedAt: decision.decidedAt,
    origin: "guard",
    call: {
      kind: call.kind ?? "tool",
      name: call.name,
      arguments: call.arguments ?? {},
    },
    outcome: decision.outcome,
    rule: decision.rule.slice(0, 500),
    reason: decision.reason.slice(0, 2000),
    durationUs: decision.durationUs,
  };
  if (decision.policySha256) reported.policySha256 = decision.policySha256;
  const who = requester?.trim();
  if (who) reported.requester = who.slice(0, 254);
  return reported;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`Invalid guard options: ${name} must be a whole number of 1 or more.`);
  return value;
}
