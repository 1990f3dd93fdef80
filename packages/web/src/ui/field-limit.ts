import { fieldLimits } from "@openaims/contracts";
import type { z } from "zod";

/** Text fields at least this long always show their counter; shorter ones once the text nears the limit. */
const LONG_TEXT = 500;

/**
 * "120 / 2000": how much of a text field's limit is used, for the field's description. Long text
 * fields always show it; short ones from 80% of their limit, so a name field stays quiet.
 */
export function limitCounter(value: string, maxLength: number | undefined): string | undefined {
  if (maxLength === undefined || !Number.isFinite(maxLength)) return undefined;
  if (maxLength < LONG_TEXT && value.length < maxLength * 0.8) return undefined;
  return `${value.length.toLocaleString("en")} / ${maxLength.toLocaleString("en")}`;
}

/**
 * What the contract says about one field of a request body, as props for a Mantine input: `required`
 * marks it, and `description` shows the counter (after the field's own help, if any).
 */
export function contractFieldProps(
  schema: z.ZodType,
  key: string,
  value: string | null | undefined,
  help?: string,
): { required: boolean; description?: string } {
  const limits = fieldLimits(schema, key);
  const counter = limitCounter(value ?? "", limits.maxLength);
  const description = [help, counter].filter(Boolean).join(" · ") || undefined;
  return { required: limits.required, ...(description ? { description } : {}) };
}
