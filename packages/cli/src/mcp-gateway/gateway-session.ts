import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type ServerCapabilities,
} from "@modelcontextprotocol/sdk/types.js";
import type { AgentActionCall } from "@openaims/contracts";
import { emptySessionState } from "@openaims/core";
import type { Gateway } from "./gateway.js";
import { blockedResult, DECISION_META_KEY, decisionMeta, type GatewaySession, governAction } from "./govern-action.js";
import { message } from "./upstream.js";

/**
 * The MCP server one downstream client talks to. Only the methods below are answered; anything else
 * is method-not-found from the SDK without touching a server. tools/list is filtered by the policy,
 * and every tools/call (and resources/read, prompts/get when the policy names them) is decided
 * before it is forwarded.
 */
export function openGatewaySession(gateway: Gateway, sessionId: string): Server {
  const capabilities: ServerCapabilities = { tools: { listChanged: true } };
  if (gateway.offersResources) capabilities.resources = {};
  if (gateway.offersPrompts) capabilities.prompts = {};
  const server = new Server({ name: "openaims-mcp-gateway", version: "1.0.0" }, { capabilities });
  const session: GatewaySession = { id: sessionId, state: emptySessionState() };

  const notify = () => {
    server.sendToolListChanged().catch(() => undefined);
  };
  server.oninitialized = () => gateway.listeners.add(notify);
  server.onclose = () => gateway.listeners.delete(notify);

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: gateway.visibleTools() }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name } = request.params;
    const call: AgentActionCall = { kind: "tool", name, arguments: request.params.arguments ?? {} };
    const governed = await governAction(gateway, session, call, extra, server.getClientCapabilities());
    if (!governed.proceed) return blockedResult(governed);
    const route = gateway.toolRoute(name);
    if (!route) return errorResult(`No server offers the tool ${name}.`);
    try {
      return await route.upstream.callTool(route.name, call.arguments, extra.signal);
    } catch (error) {
      // Whatever the server said (or failed to say) does not reach the client unchecked.
      return errorResult(`The tool ${name} failed: ${message(error)}`);
    }
  });

  if (capabilities.resources) {
    server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: gateway.resources() }));
    server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
      const { uri } = request.params;
      if (governs(gateway, "resources")) {
        const governed = await governAction(
          gateway,
          session,
          { kind: "resource", name: uri, arguments: {} },
          extra,
          server.getClientCapabilities(),
        );
        if (!governed.proceed) throw blocked(governed);
      }
      const upstream = gateway.resourceRoute(uri);
      if (!upstream) throw new McpError(ErrorCode.InvalidParams, `No server offers the resource ${uri}.`);
      return forwardOrFail(() => upstream.readResource(uri, extra.signal), `the resource ${uri}`);
    });
  }

  if (capabilities.prompts) {
    server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: gateway.prompts() }));
    server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
      const { name } = request.params;
      if (governs(gateway, "prompts")) {
        const call: AgentActionCall = { kind: "prompt", name, arguments: request.params.arguments ?? {} };
        const governed = await governAction(gateway, session, call, extra, server.getClientCapabilities());
        if (!governed.proceed) throw blocked(governed);
      }
      const upstream = gateway.promptRoute(name);
      if (!upstream) throw new McpError(ErrorCode.InvalidParams, `No server offers the prompt ${name}.`);
      return forwardOrFail(
        () => upstream.getPrompt(name, request.params.arguments, extra.signal),
        `the prompt ${name}`,
      );
    });
  }

  return server;
}

/** Resources and prompts are decided when the policy has a section for them (or none is loaded). */
function governs(gateway: Gateway, section: "resources" | "prompts"): boolean {
  const state = gateway.policy.state;
  return !state.ok || state.policy[section] !== null;
}

function blocked(governed: Parameters<typeof blockedResult>[0]): McpError {
  const { decision } = governed;
  return new McpError(ErrorCode.InvalidRequest, `Blocked by policy: ${decision.reason} (rule ${decision.rule})`, {
    [DECISION_META_KEY]: decisionMeta(governed),
  });
}

async function forwardOrFail<T>(forward: () => Promise<T>, what: string): Promise<T> {
  try {
    return await forward();
  } catch (error) {
    throw new McpError(ErrorCode.InternalError, `Reading ${what} failed: ${message(error)}`);
  }
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}
