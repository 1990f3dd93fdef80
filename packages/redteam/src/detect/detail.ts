/** Small helpers that keep detector details short, readable and free of whole secrets. */
import type { ToolCall } from "../model.js";

/** The first four characters and an ellipsis: enough to recognise a secret, not to use it. */
export function shortenSecret(value: string): string {
  return value.length <= 4 ? "…" : `${[...value].slice(0, 4).join("")}…`;
}

/** Text cut to `max` characters with an ellipsis, whitespace collapsed. */
export function clip(text: string, max = 120): string {
  // NUL cannot be stored in PostgreSQL text; a reply may contain anything.
  const flat = text.replaceAll("\u0000", "\ufffd").replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "reply 2" for the second exchange; people count from one. */
export function replyName(index: number): string {
  return `reply ${index + 1}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Tool-call arguments as the text detectors search: JSON, or the raw string the target sent. */
export function serializeArguments(call: ToolCall): string {
  return typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments);
}
