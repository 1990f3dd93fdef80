/** Builds the Target for a configuration. */
import type { ExchangeRequest, ExchangeResult, Target } from "../model.js";
import { createCommandTarget } from "./command-target.js";
import { failed } from "./exchange-result.js";
import { createHttpTarget } from "./http-target.js";
import { createOpenAiTarget } from "./openai-target.js";
import type { TargetConfig } from "./target-config.js";

/**
 * A ready target. Throws TargetConfigError when the configuration refers to a missing environment
 * variable; after that, send() never throws: every failure is an ExchangeResult with ok false.
 */
export function createTarget(config: TargetConfig, env: NodeJS.ProcessEnv): Target {
  return neverThrowing(createTargetOfKind(config, env));
}

function createTargetOfKind(config: TargetConfig, env: NodeJS.ProcessEnv): Target {
  switch (config.type) {
    case "openai":
      return createOpenAiTarget(config, env);
    case "http":
      return createHttpTarget(config, env);
    case "command":
      return createCommandTarget(config, env);
  }
}

/** The runner relies on results, not exceptions; an unexpected fault becomes a failed exchange. */
function neverThrowing(target: Target): Target {
  return {
    capabilities: () => target.capabilities(),
    async send(request: ExchangeRequest, signal?: AbortSignal): Promise<ExchangeResult> {
      try {
        return await target.send(request, signal);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return failed("bad_reply", `unexpected failure: ${message}`, {
          wireRequest: "",
          wireResponse: "",
          latencyMs: 0,
        });
      }
    },
    close: () => target.close(),
  };
}
