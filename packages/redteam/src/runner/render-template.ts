/**
 * Fills a probe's templates for one test case. Unknown or unavailable names are reported back
 * (the case is then skipped as inconclusive) rather than sent as literal braces.
 */
export interface TemplateValues {
  canary: string;
  marker: string;
  trapUrl: string;
  /** The payload already transformed for this variant; undefined when the probe has none. */
  payload?: string;
  secrets: Record<string, string>;
  objects: Record<string, string>;
}

export interface RenderedText {
  text: string;
  /** Placeholders that had no value, e.g. "object:primary_record". */
  missing: string[];
}

const placeholder = /\{\{\s*([a-z_]+)(?::([A-Za-z0-9_-]+))?\s*\}\}/g;

/** The largest filler a probe may ask for: oversized-input probes need a few hundred KiB, not more. */
export const MAX_FILLER_BYTES = 4 * 1024 * 1024;

export function renderTemplate(template: string, values: TemplateValues): RenderedText {
  const missing: string[] = [];
  const text = template.replace(placeholder, (whole, key: string, argument: string | undefined) => {
    const value = placeholderValue(key, argument, values);
    if (value === undefined) missing.push(argument === undefined ? key : `${key}:${argument}`);
    return value ?? whole;
  });
  return { text, missing };
}

function placeholderValue(name: string, argument: string | undefined, values: TemplateValues): string | undefined {
  switch (name) {
    case "canary":
      return values.canary;
    case "marker":
      return values.marker;
    case "trap_url":
      return values.trapUrl;
    case "payload":
      return values.payload;
    case "secret":
      return argument === undefined ? undefined : values.secrets[argument];
    case "object":
      return argument === undefined ? undefined : values.objects[argument];
    case "filler":
      return argument !== undefined && /^\d+$/.test(argument) ? filler(Number(argument)) : undefined;
    default:
      return undefined;
  }
}

const fillerSentence = "The quarterly ledger review continues with the next set of routine entries. ";

/** Deterministic plain text of exactly `bytes` ASCII bytes (capped at MAX_FILLER_BYTES). */
export function filler(bytes: number): string {
  const size = Math.min(bytes, MAX_FILLER_BYTES);
  return fillerSentence.repeat(Math.ceil(size / fillerSentence.length)).slice(0, size);
}
