/**
 * A target that is a local program: one process per exchange. The program reads one JSON line
 * `{"messages":[…],"tools":[…]}` (OpenAI wire shape) from stdin and prints either
 * `{"reply": "…", "toolCalls"?: [{name, arguments, result?}]}` or plain text (a result carrying a
 * policy denial marks the call blocked).
 */
import { type ChildProcess, spawn } from "node:child_process";
import type { ExchangeRequest, ExchangeResult, Target, ToolCall } from "../model.js";
import { resolveEnvRecord } from "./env-template.js";
import { type ExchangeFacts, excerpt, failed, succeeded, toolArguments } from "./exchange-result.js";
import { toWireMessages, toWireTools } from "./openai-wire.js";
import { readCappedBody } from "./read-capped-body.js";
import type { CommandTargetConfig } from "./target-config.js";
import { readToolResult } from "./tool-result.js";

/** Time a program gets to exit after SIGTERM before it is killed. */
const KILL_GRACE_MS = 1000;
const STDERR_BYTES = 4096;
// Killing the process group also ends helpers the program started; Windows has no groups.
const useProcessGroup = process.platform !== "win32";

export function createCommandTarget(config: CommandTargetConfig, env: NodeJS.ProcessEnv): Target {
  const childEnv = { ...env, ...resolveEnvRecord(config.env, env, "env") };
  const running = new Set<ChildProcess>();

  return {
    capabilities: () => ({
      kind: "command",
      endpoint: [config.command, ...config.args].join(" "),
      // The program receives the whole conversation, system prompt included.
      controlsSystemPrompt: true,
      hasToolTrace: config.toolTrace,
      identities: [],
    }),

    async send(request: ExchangeRequest, signal?: AbortSignal) {
      const wireRequest = JSON.stringify({
        messages: toWireMessages(request.messages),
        tools: toWireTools(request.tools),
      });
      const run = await runOnce(config, childEnv, `${wireRequest}\n`, running, signal);
      const facts: ExchangeFacts = {
        wireRequest,
        wireResponse: run.stdout,
        latencyMs: run.latencyMs,
        truncated: run.truncated,
      };
      if (run.failure) return failed(run.failure.kind, run.failure.message, facts);
      if (run.truncated) return succeeded(run.stdout, config.toolTrace ? [] : null, facts);
      if (run.exit !== 0) {
        const why = typeof run.exit === "number" ? `exited with code ${run.exit}` : `was killed by ${run.exit}`;
        const stderr = excerpt(run.stderr);
        return failed("bad_reply", `${config.command} ${why}${stderr ? `: ${stderr}` : ""}`, facts);
      }
      return readOutput(run.stdout, config.toolTrace, facts);
    },

    async close() {
      for (const child of running) kill(child, "SIGKILL");
    },
  };
}

interface Run {
  stdout: string;
  stderr: string;
  truncated: boolean;
  latencyMs: number;
  exit: number | string;
  failure?: { kind: "timeout" | "aborted" | "bad_reply"; message: string };
}

async function runOnce(
  config: CommandTargetConfig,
  env: NodeJS.ProcessEnv,
  input: string,
  running: Set<ChildProcess>,
  signal: AbortSignal | undefined,
): Promise<Run> {
  const started = performance.now();
  const child = spawn(config.command, config.args, {
    cwd: config.cwd,
    env,
    stdio: ["pipe", "pipe", "pipe"],
    detached: useProcessGroup,
  });
  running.add(child);

  const stop = new AbortController();
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const terminate = () => {
    if (stop.signal.aborted) return;
    stop.abort();
    kill(child, "SIGTERM");
    killTimer = setTimeout(() => kill(child, "SIGKILL"), KILL_GRACE_MS);
  };
  const deadline = setTimeout(() => {
    timedOut = true;
    terminate();
  }, config.timeoutMs);
  if (signal?.aborted) terminate();
  else signal?.addEventListener("abort", terminate, { once: true });

  let spawnError: NodeJS.ErrnoException | undefined;
  const exited = new Promise<number | string>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      spawnError = error;
      resolve(-1);
    });
    child.once("close", (code, killedBy) => resolve(code ?? killedBy ?? -1));
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    // Keep draining so a chatty program never blocks, but keep only the start.
    if (stderr.length < STDERR_BYTES) stderr += chunk.toString("utf8").slice(0, STDERR_BYTES - stderr.length);
  });
  // A program that exits without reading its input must not crash the scanner.
  child.stdin.on("error", () => {});
  child.stdin.end(input);

  const output = await readCappedBody(child.stdout, { maxBytes: config.maxReplyBytes, signal: stop.signal });
  // Everything the program had to say has arrived (or was cut): it may stop now.
  if (output.endedBy === "cap") terminate();
  const exit = await exited;
  clearTimeout(deadline);
  clearTimeout(killTimer);
  signal?.removeEventListener("abort", terminate);
  running.delete(child);

  const run: Run = {
    stdout: output.bytes.toString("utf8"),
    stderr,
    truncated: output.truncated,
    latencyMs: performance.now() - started,
    exit,
  };
  if (spawnError) run.failure = { kind: "bad_reply", message: describeSpawnError(config.command, spawnError) };
  else if (timedOut) run.failure = { kind: "timeout", message: `timed out after ${config.timeoutMs} ms` };
  else if (signal?.aborted && !output.truncated) run.failure = { kind: "aborted", message: "aborted" };
  return run;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (useProcessGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

function describeSpawnError(command: string, error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return `cannot start ${command}: not found (or its cwd does not exist)`;
  if (error.code === "EACCES") return `cannot start ${command}: not executable`;
  return `cannot start ${command}: ${error.code ?? error.message}`;
}

/** A JSON object with `reply` or `toolCalls` is structured output; anything else is the reply text. */
function readOutput(stdout: string, hasToolTrace: boolean, facts: ExchangeFacts): ExchangeResult {
  const text = stdout.replace(/\r?\n$/, "");
  const structured = parseStructured(text);
  if (!structured) return succeeded(text, hasToolTrace ? [] : null, facts);
  const { reply, toolCalls } = structured;
  if (reply !== undefined && reply !== null && typeof reply !== "string") {
    return failed("bad_reply", '"reply" in the output is not a string', facts);
  }
  const calls = Array.isArray(toolCalls) ? readToolCalls(toolCalls) : hasToolTrace ? [] : null;
  return succeeded(typeof reply === "string" ? reply : "", calls, facts);
}

function parseStructured(text: string): { reply?: unknown; toolCalls?: unknown } | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    return "reply" in value || "toolCalls" in value ? value : undefined;
  } catch {
    return undefined;
  }
}

function readToolCalls(raw: unknown[]): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const entry of raw as Array<{ id?: unknown; name?: unknown; arguments?: unknown; result?: unknown } | null>) {
    if (typeof entry?.name !== "string") continue;
    const call: ToolCall = { name: entry.name, arguments: toolArguments(entry.arguments) };
    if (typeof entry.id === "string") call.id = entry.id;
    if (entry.result !== undefined) call.result = readToolResult(entry.result);
    calls.push(call);
  }
  return calls;
}
