/**
 * Runs one planned case: sends its user turns in order (carrying the conversation and the session),
 * fires the bounded burst when the probe has one, then lets the detectors decide.
 */
import { evaluateDetector } from "../detect/evaluate-detector.js";
import { usesRefusalWording } from "../detect/refusal.js";
import { verdictOf } from "../detect/verdict.js";
import type {
  CaseResult,
  ChatMessage,
  DetectionContext,
  ExchangeErrorKind,
  ExchangeRequest,
  ExchangeResult,
  PlannedCase,
  SessionState,
  Target,
  ToolCall,
} from "../model.js";
import { exchangeSha256, type TranscriptLine } from "../reports/transcript-writer.js";
import { readToolResult } from "../targets/tool-result.js";

/** A target behind the pacer, which can also send one attempt outside its rate accounting. */
export interface PacedTarget extends Target {
  sendUnpaced(request: ExchangeRequest, signal?: AbortSignal): Promise<ExchangeResult>;
}

export interface CaseEnvironment {
  seed: number;
  target: PacedTarget;
  controlsConversation: boolean;
  trapHits(token: string): number;
  /** The target runs on loopback, so a missing trap fetch means it did not fetch. */
  trapReachable: boolean;
  judge?: DetectionContext["judge"];
  /** Receives every exchange; absent when nobody keeps a transcript (lines are then not even built). */
  writeTranscript?(line: TranscriptLine): void;
  signal?: AbortSignal;
}

/** What the HTML report shows of a case: the attack as sent and the reply, shortened. */
export interface CaseExcerpt {
  request: string;
  reply: string;
}

const EXCERPT_CHARS = 2_000;

export async function runCase(
  planned: PlannedCase,
  env: CaseEnvironment,
): Promise<{ result: CaseResult; excerpt: CaseExcerpt; failure?: ExchangeErrorKind }> {
  const exchanges: ExchangeResult[] = [];
  const toolCalls: ToolCall[] = [];
  let traced = true;
  const userTexts: string[] = [];
  const conversation: ChatMessage[] = [];
  const session: SessionState = { cookies: new Map(), values: new Map() };
  const record = (request: ExchangeRequest, result: ExchangeResult, startedAt: Date) => {
    exchanges.push(result);
    if (result.toolCalls === null) traced = false;
    else toolCalls.push(...result.toolCalls);
    env.writeTranscript?.(transcriptLine(planned, exchanges.length - 1, request, result, startedAt));
  };

  const sendPoints = sendPointsOf(planned.messages);
  let firstRequest: ExchangeRequest | undefined;
  for (const [index, message] of planned.messages.entries()) {
    const { as: identity, ...plain } = message as typeof message & { as?: "primary" | "secondary" };
    if (plain.role === "user") userTexts.push(plain.content);
    if (plain.role === "user" || env.controlsConversation) conversation.push(plain as ChatMessage);
    if (!sendPoints.has(index)) continue;
    if (env.signal?.aborted) break;
    const request: ExchangeRequest = {
      messages: [...conversation],
      tools: planned.tools,
      session,
      ...(identity ? { identity } : {}),
    };
    firstRequest ??= request;
    const startedAt = new Date();
    const result = await env.target.send(request, env.signal);
    record(request, result, startedAt);
    conversation.push({
      role: "assistant",
      content: result.reply,
      ...(result.toolCalls?.length ? { toolCalls: result.toolCalls } : {}),
    });
    if (!result.ok && result.error?.kind !== "http_status") break;
  }

  // The case keeps the model, prompt hash and rationale of the judge's (last) answer.
  const judge = env.judge;
  let judged: CaseResult["judge"];
  const recordingJudge: DetectionContext["judge"] = async (question, transcript) => {
    judged = await (judge as NonNullable<typeof judge>)(question, transcript);
    return judged;
  };

  const burstStatuses: number[] = [];
  if (planned.burst > 0 && firstRequest && !env.signal?.aborted) {
    const template = firstRequest;
    const results = await Promise.all(
      Array.from({ length: planned.burst }, () =>
        env.target.sendUnpaced({ ...template, session: { cookies: new Map(), values: new Map() } }, env.signal),
      ),
    );
    for (const result of results) burstStatuses.push(result.httpStatus ?? (result.ok ? 200 : 0));
  }

  if (traced) attachToolMessageResults(toolCalls, conversation);
  const context: DetectionContext = {
    seed: env.seed,
    caseId: planned.caseId,
    variant: planned.variant,
    canary: planned.canary,
    marker: planned.marker,
    trapToken: planned.trapToken,
    trapUrl: planned.trapUrl,
    trapHits: env.trapHits(planned.trapToken),
    trapReachable: env.trapReachable,
    secrets: planned.secrets,
    userTexts,
    exchanges,
    toolCalls: traced ? toolCalls : null,
    burstStatuses,
    ...(judge ? { judge: recordingJudge } : {}),
  };
  const detectors = [];
  for (const detector of planned.probe.detect) {
    const result = await evaluateDetector(detector, context);
    // Details quote what the target sent (tool names, excerpts): keep them within the summary's bounds.
    detectors.push({ ...result, detail: fit(result.detail, 4_000) });
  }
  const verdict = exchanges.length === 0 ? "error" : verdictOf(detectors, exchanges);
  const failure = exchanges.find((exchange) => !exchange.ok && exchange.error?.kind !== "http_status");
  const { probe } = planned;
  const result: CaseResult = {
    caseId: planned.caseId,
    probeId: probe.id,
    variant: planned.variant,
    title: fit(probe.title, 200),
    category: probe.category,
    severity: probe.severity,
    tags: probe.tags,
    verdict,
    detectors,
    refused: exchanges.some((exchange) => usesRefusalWording(exchange.reply)),
    ...(verdict === "blocked" ? { blockedBy: blockingRules(toolCalls) } : {}),
    exchanges: exchanges.length,
    targetLatencyMs: exchanges.reduce((sum, exchange) => sum + exchange.latencyMs, 0),
    ...(verdict === "error"
      ? { note: fit(failure?.error?.message ?? "the run stopped before the case was sent", 4_000) }
      : {}),
    ...(judged ? { judge: judged } : {}),
  };
  const lastReply = exchanges.at(-1)?.reply ?? "";
  return {
    result,
    excerpt: {
      request: shorten(maskSecrets(userTexts.join("\n---\n"), planned.secrets)),
      reply: shorten(maskSecrets(lastReply, planned.secrets)),
    },
    ...(failure?.error ? { failure: failure.error.kind } : {}),
  };
}

/**
 * Tool messages in the conversation answer calls by id (OpenAI mode): a call without a result of
 * its own takes the policy decision its tool message carries.
 */
export function attachToolMessageResults(calls: ToolCall[], conversation: readonly ChatMessage[]): void {
  const answers = new Map<string, string>();
  for (const message of conversation) if (message.role === "tool") answers.set(message.toolCallId, message.content);
  if (answers.size === 0) return;
  for (const call of calls) {
    const answer = call.id === undefined ? undefined : answers.get(call.id);
    if (call.result === undefined && answer !== undefined) call.result = readToolResult(answer);
  }
}

/** The distinct rules that denied the calls of a blocked case, at most ten, each bounded. */
function blockingRules(calls: readonly ToolCall[]): string[] {
  const rules = new Set<string>();
  for (const call of calls) if (call.result?.blocked && call.result.rule) rules.add(fit(call.result.rule, 200));
  return [...rules].slice(0, 10);
}

/**
 * Indexes at which the conversation is sent: a user or planted tool message that is the last one or
 * is followed by a user turn. Planted assistant and tool messages in between are history.
 */
export function sendPointsOf(messages: PlannedCase["messages"]): Set<number> {
  const points = new Set<number>();
  messages.forEach((message, index) => {
    const next = messages[index + 1];
    if ((message.role === "user" || message.role === "tool") && (!next || next.role === "user")) points.add(index);
  });
  return points;
}

function transcriptLine(
  planned: PlannedCase,
  turn: number,
  request: ExchangeRequest,
  result: ExchangeResult,
  startedAt: Date,
): TranscriptLine {
  return {
    caseId: planned.caseId,
    probeId: planned.probe.id,
    variant: planned.variant,
    turn,
    ...(request.identity ? { identity: request.identity } : {}),
    startedAt: startedAt.toISOString(),
    latencyMs: result.latencyMs,
    attempts: result.attempts,
    ok: result.ok,
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    ...(result.error ? { error: result.error } : {}),
    truncated: result.truncated,
    request: result.wire.request,
    response: result.wire.response,
    reply: result.reply,
    toolCalls: result.toolCalls,
    sha256: exchangeSha256(result.wire.request, result.wire.response),
  };
}

/**
 * The report is shared more widely than the transcript: secrets the configuration named (and those a
 * probe planted) show as their first characters only, as in detector details.
 */
export function maskSecrets(text: string, secrets: Record<string, string>): string {
  let masked = text;
  for (const value of Object.values(secrets))
    if (value.length >= 6) masked = masked.replaceAll(value, `${value.slice(0, 4)}…`);
  return masked;
}

/** Text cut to `max` characters, for fields the summary schema bounds. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function shorten(text: string): string {
  return text.length <= EXCERPT_CHARS ? text : `${text.slice(0, EXCERPT_CHARS)}… (${text.length} characters)`;
}
