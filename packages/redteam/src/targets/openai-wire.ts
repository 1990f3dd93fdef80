/**
 * The OpenAI chat-completions wire shape, to and from model.ts. Also used for the command target's
 * stdin so a program wrapping an OpenAI SDK can pass the conversation straight through.
 */
import type { ChatMessage, ToolCall, ToolDefinition } from "../model.js";
import { toolArguments } from "./exchange-result.js";

export type WireMessage =
  | { role: "system" | "user"; content: string }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }>;
    }
  | { role: "tool"; tool_call_id: string; content: string };

export interface WireTool {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export function toWireMessages(messages: ChatMessage[]): WireMessage[] {
  return messages.map((message, index): WireMessage => {
    switch (message.role) {
      case "system":
      case "user":
        return { role: message.role, content: message.content };
      case "tool":
        return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
    }
    const calls = message.toolCalls ?? [];
    if (calls.length === 0) return { role: "assistant", content: message.content };
    return {
      role: "assistant",
      content: message.content,
      tool_calls: calls.map((call, callIndex) => ({
        // The API requires ids; a call without one gets a stable id from its position.
        id: call.id ?? `call_${index}_${callIndex}`,
        type: "function",
        function: {
          name: call.name,
          arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
        },
      })),
    };
  });
}

export function toWireTools(tools: ToolDefinition[]): WireTool[] {
  return tools.map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

/** The assistant turn of a chat-completions reply, or a reason it has none. */
export function readChatCompletion(
  body: unknown,
): { ok: true; reply: string; toolCalls: ToolCall[] } | { ok: false; reason: string } {
  const message = (body as { choices?: Array<{ message?: unknown }> } | null)?.choices?.[0]?.message;
  if (message === null || typeof message !== "object") return { ok: false, reason: "reply has no choices[0].message" };
  const { content, tool_calls: rawCalls } = message as { content?: unknown; tool_calls?: unknown };
  const reply = typeof content === "string" ? content : "";
  const toolCalls: ToolCall[] = [];
  if (Array.isArray(rawCalls)) {
    for (const raw of rawCalls as Array<{ id?: unknown; function?: { name?: unknown; arguments?: unknown } }>) {
      const name = raw?.function?.name;
      if (typeof name !== "string") continue;
      const call: ToolCall = { name, arguments: toolArguments(raw.function?.arguments) };
      if (typeof raw.id === "string") call.id = raw.id;
      toolCalls.push(call);
    }
  }
  return { ok: true, reply, toolCalls };
}
