/**
 * JSON that survives promptfoo's template engine: promptfoo renders prompts, variables and
 * assertion values with Nunjucks, so text holding "{{", "{%" or "{#" (attack payloads do) would be
 * evaluated. Inside JSON strings, braces are written as \u007b and \u007d, which JSON.parse and
 * JavaScript string literals read back as the same characters, so no template tag can appear.
 */
export function templateSafeJson(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value).replace(/[{}]/g, (c) => (c === "{" ? "\\u007b" : "\\u007d"));
  if (Array.isArray(value)) return `[${value.map((item) => templateSafeJson(item ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${templateSafeJson(key)}:${templateSafeJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** True when promptfoo's template engine would leave `text` unchanged. */
export function isTemplateInert(text: string): boolean {
  return !/\{[{%#]/.test(text);
}
