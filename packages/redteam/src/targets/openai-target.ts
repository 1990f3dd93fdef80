/** A target speaking the OpenAI chat-completions API (vLLM, Ollama, LiteLLM, OpenAI itself …). */
import type { ExchangeRequest, Target } from "../model.js";
import { resolveEnvRecord } from "./env-template.js";
import { failed, succeeded } from "./exchange-result.js";
import { callHttp, createKeepAliveAgent, publicEndpoint } from "./http-call.js";
import { exchangeFacts, failedHttpExchange, parseJsonBody } from "./http-outcome.js";
import { readChatCompletion, toWireMessages, toWireTools } from "./openai-wire.js";
import { type OpenAiTargetConfig, TargetConfigError } from "./target-config.js";

export function createOpenAiTarget(config: OpenAiTargetConfig, env: NodeJS.ProcessEnv): Target {
  // The query (e.g. an api-version) stays on the request URL; reports never show it.
  const url = new URL(config.url);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/chat/completions`;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    "user-agent": "openaims-redteam",
    ...resolveEnvRecord(config.headers, env, "headers"),
  };
  if (config.apiKeyEnv !== undefined) {
    const key = env[config.apiKeyEnv];
    if (!key) throw new TargetConfigError(`apiKeyEnv: environment variable ${config.apiKeyEnv} is not set`);
    headers.authorization = `Bearer ${key}`;
  }
  const agent = createKeepAliveAgent(url);

  return {
    capabilities: () => ({
      kind: "openai",
      endpoint: publicEndpoint(url),
      model: config.model,
      controlsSystemPrompt: true,
      hasToolTrace: true,
      identities: [],
    }),

    async send(request: ExchangeRequest, signal?: AbortSignal) {
      const body: Record<string, unknown> = {
        model: config.model,
        messages: toWireMessages(request.messages),
        temperature: config.temperature,
        stream: false,
      };
      if (config.maxTokens !== undefined) body.max_tokens = config.maxTokens;
      if (request.tools.length > 0) body.tools = toWireTools(request.tools);
      const wireRequest = JSON.stringify(body);

      const outcome = await callHttp({
        url,
        method: "POST",
        headers,
        body: wireRequest,
        timeoutMs: config.timeoutMs,
        maxReplyBytes: config.maxReplyBytes,
        agent,
        signal,
      });
      const failure = failedHttpExchange(outcome, wireRequest);
      if (failure) return failure;

      const facts = exchangeFacts(outcome, wireRequest);
      const parsed = parseJsonBody(outcome.body);
      // A reply cut at the cap is no longer valid JSON; its text is still the evidence.
      if (!parsed)
        return outcome.truncated ? succeeded(outcome.body, [], facts) : failed("bad_reply", "reply is not JSON", facts);
      const completion = readChatCompletion(parsed.value);
      if (!completion.ok) return failed("bad_reply", completion.reason, facts);
      return succeeded(completion.reply, completion.toolCalls, facts);
    },

    async close() {
      agent.destroy();
    },
  };
}
