/**
 * Lenient readers for cells of an uploaded spreadsheet. They only reshape what people type
 * ("Human in the loop", "personal; health", "Yes"); the strict check is the request schema's.
 */

/** A heading or enum cell as a stable key: "High-impact reasons" → "high_impact_reasons". */
export function keyOfCell(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** An enum cell: its key, an alias's target, or undefined when empty. */
export function enumCell(text: string, aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const key = keyOfCell(text);
  if (key === "") return undefined;
  return aliases[key] ?? key;
}

/** A multi-value cell: values separated by ";", ",", "|" or line breaks. */
export function listCell(text: string): string[] {
  return text
    .split(/[;,|\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** An enum list cell: each value as an enum key. */
export function enumListCell(text: string, aliases: Readonly<Record<string, string>> = {}): string[] {
  return listCell(text).map((part) => enumCell(part, aliases) ?? part);
}

const TRUE_WORDS = new Set(["yes", "y", "true", "1", "x"]);
const FALSE_WORDS = new Set(["no", "n", "false", "0", ""]);

/** A yes/no cell; anything else is returned as text for the schema to refuse. */
export function booleanCell(text: string): boolean | string {
  const key = keyOfCell(text);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return text;
}

/** A date cell: empty is null, a timestamp keeps its date part; anything else goes to the schema as is. */
export function dateCell(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  return match?.[1] ?? trimmed;
}
