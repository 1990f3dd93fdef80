import { dirname } from "node:path";
import type { Prompt, Resource, Tool } from "@modelcontextprotocol/sdk/types.js";
import { staticToolDecision, UsageTracker } from "@openaims/core";
import { usageError } from "../cli-error.js";
import { type AimsServerClient, aimsServerClient } from "./aims-server.js";
import { DecisionReporter } from "./decision-reporter.js";
import type { GatewayConfig } from "./gateway-config.js";
import type { GatewayLog } from "./gateway-log.js";
import { PolicySource } from "./policy-source.js";
import { message, Upstream } from "./upstream.js";

/** Where a tool, resource or prompt the gateway offers really lives. */
export interface Route {
  upstream: Upstream;
  /** The name the server knows it by (without the gateway's prefix). */
  name: string;
}

/**
 * Everything the sessions share: the servers behind the gateway and which tool lives where, the
 * policy, usage counts for rate and budget rules, and the decision reporter.
 */
export class Gateway {
  readonly upstreams: Upstream[];
  readonly policy: PolicySource;
  readonly usage = new UsageTracker();
  readonly server: AimsServerClient | null;
  readonly reporter: DecisionReporter | null;
  private toolRoutes = new Map<string, Route>();
  private tools: Tool[] = [];
  /** Sessions to tell when the tool list changes. */
  readonly listeners = new Set<() => void>();

  constructor(
    readonly config: GatewayConfig,
    env: NodeJS.ProcessEnv,
    readonly log: GatewayLog,
  ) {
    const policyServer = config.policy.kind === "server" ? config.policy.server : null;
    this.server = policyServer
      ? aimsServerClient(policyServer)
      : config.report
        ? aimsServerClient(config.report)
        : null;
    const reportServer = config.report ? aimsServerClient(config.report) : null;
    this.reporter =
      config.report && reportServer
        ? new DecisionReporter(reportServer, config.report.buffer, config.report.intervalMs, log)
        : null;
    this.policy = new PolicySource(config.policy, dirname(config.path), policyServer ? this.server : null, log);
    this.policy.onChange = () => this.toolsChanged();
    const childEnv = childEnvironment(env, config);
    this.upstreams = config.servers.map((server) => new Upstream(server, childEnv, log));
    for (const upstream of this.upstreams) upstream.onToolsChanged = () => this.rebuildRoutes(false);
  }

  /** Connects to every server (one that fails is retried in the background) and loads the policy. */
  async start(): Promise<void> {
    await Promise.all([
      this.policy.start(),
      ...this.upstreams.map((upstream) =>
        upstream.connect().catch((error) => {
          this.log.warn(`${upstream.name}: cannot connect (${message(error)}); retrying in the background`);
          upstream.scheduleReconnect();
        }),
      ),
    ]);
    this.rebuildRoutes(true);
    this.reporter?.start();
  }

  async stop(): Promise<void> {
    this.policy.stop();
    await Promise.all(this.upstreams.map((upstream) => upstream.close()));
    await this.reporter?.stop();
  }

  /**
   * Maps each offered tool name to its server. Two servers offering the same name is a configuration
   * mistake at start (give one a prefix); later, after a reconnect, the first server keeps the name.
   */
  private rebuildRoutes(atStart: boolean): void {
    const routes = new Map<string, Route>();
    const tools: Tool[] = [];
    for (const upstream of this.upstreams) {
      const prefix = upstream.config.prefix ?? "";
      for (const tool of upstream.tools) {
        const name = `${prefix}${tool.name}`;
        const taken = routes.get(name);
        if (taken) {
          const text = `servers ${taken.upstream.name} and ${upstream.name} both offer the tool ${name}; give one of them a prefix in --config`;
          if (atStart) throw usageError(text);
          this.log.warn(`${text}; ${upstream.name}'s is hidden`);
          continue;
        }
        routes.set(name, { upstream, name: tool.name });
        tools.push(prefix ? { ...tool, name } : tool);
      }
    }
    this.toolRoutes = routes;
    this.tools = tools;
    if (!atStart) this.toolsChanged();
  }

  private toolsChanged(): void {
    for (const listener of this.listeners) listener();
  }

  /** The tools a client may see: every server's, minus those the policy denies outright; none without a policy. */
  visibleTools(): Tool[] {
    const state = this.policy.state;
    if (!state.ok) return [];
    return this.tools.filter((tool) => {
      try {
        return staticToolDecision(state.policy, tool.name, state.toolClasses) !== "deny";
      } catch {
        return false;
      }
    });
  }

  toolRoute(name: string): Route | undefined {
    return this.toolRoutes.get(name);
  }

  get offersResources(): boolean {
    return this.upstreams.some((upstream) => upstream.capabilities.resources);
  }

  get offersPrompts(): boolean {
    return this.upstreams.some((upstream) => upstream.capabilities.prompts);
  }

  resources(): Resource[] {
    return this.upstreams.flatMap((upstream) => upstream.resources);
  }

  prompts(): Prompt[] {
    return this.upstreams.flatMap((upstream) => upstream.prompts);
  }

  /** The server holding a resource: the one that listed it, else the only server offering resources. */
  resourceRoute(uri: string): Upstream | undefined {
    const offering = this.upstreams.filter((upstream) => upstream.capabilities.resources);
    return (
      offering.find((upstream) => upstream.resources.some((resource) => resource.uri === uri)) ??
      (offering.length === 1 ? offering[0] : undefined)
    );
  }

  promptRoute(name: string): Upstream | undefined {
    return this.upstreams.find((upstream) => upstream.prompts.some((prompt) => prompt.name === name));
  }
}

/**
 * The environment a stdio server starts with: the gateway's, without the tokens meant for the
 * OpenAIMS server, plus the server's own `env`.
 */
function childEnvironment(env: NodeJS.ProcessEnv, config: GatewayConfig): Record<string, string> {
  const secretNames = new Set(["AIMS_TOKEN"]);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && !secretNames.has(key)) out[key] = value;
  for (const token of [config.report?.token, config.policy.kind === "server" ? config.policy.server.token : undefined])
    for (const [key, value] of Object.entries(out)) if (token && value === token) delete out[key];
  return out;
}
