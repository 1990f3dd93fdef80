import type { z } from "zod";
import { childSchema, isListSchema, titleOf } from "./schema-path.js";

/** Words written differently from plain lower case wherever they appear in a key. */
const words: Record<string, string> = {
  ai: "AI",
  aims: "AIMS",
  api: "API",
  csrf: "CSRF",
  csv: "CSV",
  dpa: "DPA",
  email: "e-mail",
  html: "HTML",
  http: "HTTP",
  id: "ID",
  iso42001: "ISO/IEC 42001",
  ids: "IDs",
  json: "JSON",
  llm: "LLM",
  mfa: "MFA",
  org: "organisation",
  oidc: "OIDC",
  openai: "OpenAI",
  pdf: "PDF",
  raci: "RACI",
  sarif: "SARIF",
  sha256: "SHA-256",
  soa: "SoA",
  sso: "SSO",
  url: "URL",
  urls: "URLs",
  xlsx: "XLSX",
};

/**
 * A key turned into words for a label: `highImpactReasons` → "High impact reasons",
 * `ownerMemberId` → "Owner member", `memberIds` → "Members", `api_key` → "API key".
 * A schema that needs better words sets `.meta({ title })`; this is the fallback.
 */
export function humanizeKey(key: string): string {
  const parts = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
  if (parts.length > 1 && parts.at(-1) === "id") parts.pop();
  else if (parts.length > 1 && parts.at(-1) === "ids") parts.splice(-2, 2, `${parts.at(-2)}s`);
  const text = parts.map((part) => words[part] ?? part).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const partLabels: Record<string, string> = { body: "Request", query: "Request", params: "Address" };

/**
 * The label of a field at a path inside a schema: each key's title (or its words) joined with " › ",
 * list positions as "item N". A path that ends at a list item is labelled as the list when `asList`,
 * for messages about the choice itself ("choose one or more of …").
 */
export function fieldLabel(root: z.ZodType | undefined, path: readonly PropertyKey[], part?: string): string {
  const labels: string[] = [];
  let schema: z.ZodType | undefined = root;
  for (const key of path) {
    const child = schema ? childSchema(schema, key) : undefined;
    if (typeof key === "number" || /^\d+$/.test(String(key))) {
      if (isListSchema(schema) || labels.length > 0) {
        const last = labels.pop() ?? "Item";
        labels.push(`${last} (item ${Number(key) + 1})`);
      }
    } else {
      labels.push(titleOf(child) ?? humanizeKey(String(key)));
    }
    schema = child;
  }
  if (labels.length === 0) return (part && partLabels[part]) ?? "Request";
  return labels.join(" › ");
}
