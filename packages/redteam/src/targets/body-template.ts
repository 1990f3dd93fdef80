/**
 * Fills an HTTP target's JSON body template for one turn. Whole-string placeholders keep their JSON
 * type ("{{messages}}" becomes an array); inline ones are replaced as text.
 */
import type { ChatMessage } from "../model.js";

export interface TemplateValues {
  /** The last user turn's text. */
  message: string;
  messages: ChatMessage[];
  /** The session value captured from an earlier reply, if any. */
  session: string | undefined;
}

export function fillBodyTemplate(template: unknown, values: TemplateValues): unknown {
  if (typeof template === "string") return fillString(template, values);
  if (Array.isArray(template)) return template.map((item) => fillBodyTemplate(item, values));
  if (template !== null && typeof template === "object") {
    const filled: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) filled[key] = fillBodyTemplate(value, values);
    return filled;
  }
  return template;
}

function fillString(text: string, values: TemplateValues): unknown {
  if (text === "{{message}}") return values.message;
  if (text === "{{messages}}")
    return values.messages.map((message) => ({ role: message.role, content: message.content ?? "" }));
  if (text === "{{session}}") return values.session ?? null;
  if (!text.includes("{{")) return text;
  // One pass, so a user turn that itself contains "{{session}}" is sent literally.
  return text.replace(/\{\{(message|session)\}\}/g, (_, name: string) =>
    name === "message" ? values.message : (values.session ?? ""),
  );
}

/** The text of the last user turn (what a single-message endpoint receives). */
export function lastUserText(messages: ChatMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message?.role === "user") return message.content;
  }
  return "";
}
