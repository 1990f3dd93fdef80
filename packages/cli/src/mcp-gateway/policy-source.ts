import { type Stats, type StatWatcher, unwatchFile, watchFile } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { type ActionClass, effectivePolicySchema } from "@openaims/contracts";
import { type CompiledPolicy, compilePolicy, parsePolicySource } from "@openaims/core";
import type { AimsServerClient } from "./aims-server.js";
import type { PolicyConfig } from "./gateway-config.js";
import type { GatewayLog } from "./gateway-log.js";
import { message } from "./upstream.js";

/** How often a policy read from the server is fetched again. */
export const POLICY_REFRESH_MS = 30_000;
/** How often a policy file is checked for changes (by its size and modification time). */
export const POLICY_FILE_CHECK_MS = 1_000;

/** The policy decisions are made by, or why there is none (then every call is denied). */
export type PolicyState =
  | { ok: true; policy: CompiledPolicy; toolClasses: Readonly<Record<string, ActionClass>>; versionId: string | null }
  | { ok: false; reason: string };

/**
 * Holds the gateway's policy. Fail-closed: a policy that cannot be read, parsed or compiled leaves a
 * state that denies everything, with the reason naming the file and the path of the mistake. A
 * policy from the server is fetched again every 30 s; a failed refresh keeps the last good one. A
 * policy file is read again whenever it changes; an edit that breaks it denies everything, as a
 * broken file does at start, until it is mended.
 */
export class PolicySource {
  state: PolicyState = { ok: false, reason: "the policy has not been loaded yet" };
  private timer: NodeJS.Timeout | null = null;
  private loads = 0;
  private watched: { path: string; listener: (now: Stats, before: Stats) => void } | null = null;
  /** Called after each successful load, so sessions can tell clients the tool list changed. */
  onChange?: () => void;

  constructor(
    private readonly config: PolicyConfig,
    private readonly configFolder: string,
    private readonly server: AimsServerClient | null,
    private readonly log: GatewayLog,
    private readonly refreshMs = POLICY_REFRESH_MS,
    private readonly fileCheckMs = POLICY_FILE_CHECK_MS,
  ) {}

  async start(): Promise<void> {
    await this.load();
    if (this.config.kind === "server") {
      this.timer = setInterval(() => void this.load(), this.refreshMs);
      this.timer.unref();
    }
    if (this.config.kind === "file") {
      // Polling the file's stat also sees an editor that saves by writing a new file over the old.
      const path = this.config.path;
      const listener = (now: Stats, before: Stats) => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) void this.load();
      };
      const watcher: StatWatcher = watchFile(path, { interval: this.fileCheckMs, persistent: false }, listener);
      watcher.unref();
      this.watched = { path, listener };
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.watched) unwatchFile(this.watched.path, this.watched.listener);
    this.watched = null;
  }

  async load(): Promise<void> {
    const load = ++this.loads;
    const next = await this.read();
    // A newer read started meanwhile (a file saved twice in quick succession): its answer wins.
    if (load !== this.loads) return;
    const before = this.state;
    if (!next.ok && before.ok && this.config.kind === "server") {
      this.log.warn(`${next.reason}; keeping the policy loaded before`);
      return;
    }
    this.state = next;
    if (!next.ok) {
      this.log.warn(`${next.reason}; every call will be denied`);
      // The tools the good policy offered are gone from the list.
      if (before.ok) this.onChange?.();
    } else if (!before.ok || before.policy.sha256 !== next.policy.sha256) {
      this.log.info(`policy ${next.policy.sha256.slice(0, 12)} loaded`);
      this.onChange?.();
    }
  }

  private async read(): Promise<PolicyState> {
    const config = this.config;
    if (config.kind === "inline") return compiled(config.document, {}, null, "the inline policy in the configuration");
    if (config.kind === "file") {
      const name = relative(this.configFolder, config.path) || config.path;
      let text: string;
      try {
        text = await readFile(config.path, "utf8");
      } catch {
        return { ok: false, reason: `policy file ${name} cannot be read` };
      }
      const parsed = parsePolicySource(text);
      if (!parsed.ok) return { ok: false, reason: `policy file ${name}: ${describe(parsed.errors)}` };
      return compiled(parsed.document, {}, null, `policy file ${name}`);
    }
    if (!this.server) return { ok: false, reason: "no policy server is configured" };
    try {
      const { agentPath } = await this.server.paths();
      const effective = await this.server.get(`${agentPath}/effective-policy`, effectivePolicySchema);
      return compiled(effective.document, effective.toolClasses, effective.versionId, "the server's policy");
    } catch (error) {
      return { ok: false, reason: `the policy cannot be fetched from the server (${message(error)})` };
    }
  }
}

function compiled(
  document: unknown,
  toolClasses: Readonly<Record<string, ActionClass>>,
  versionId: string | null,
  what: string,
): PolicyState {
  const result = compilePolicy(document, { toolClasses });
  if (!result.ok) return { ok: false, reason: `${what}: ${describe(result.errors)}` };
  return { ok: true, policy: result.policy, toolClasses, versionId };
}

function describe(errors: readonly { path: string; message: string }[]): string {
  const shown = errors.slice(0, 3).map((error) => (error.path ? `${error.path}: ${error.message}` : error.message));
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
  return `${shown.join("; ")}${more}`;
}
