import { enumLabels } from "../labels.js";
import { humanizeKey } from "./field-labels.js";

const labelMaps = Object.values(enumLabels) as Record<string, string>[];

/**
 * Display text for the allowed values of an enum, from the shared label map: the first map that
 * labels every value wins, so a value reads the same in a message as in the form that offers it.
 * Values no map knows (sort keys, literals) are turned into words.
 */
export function valueLabels(values: readonly unknown[]): string[] {
  const strings = values.map(String);
  const map = labelMaps.find((labels) => strings.every((value) => Object.hasOwn(labels, value)));
  return strings.map((value) => map?.[value] ?? wordsOf(value));
}

function wordsOf(value: string): string {
  if (value === "true") return "Yes";
  if (value === "false") return "No";
  // A sort key: -createdAt reads "Created at (descending)".
  if (/^-?[a-z][A-Za-z]*$/.test(value)) {
    const words = humanizeKey(value.replace(/^-/, ""));
    return value.startsWith("-") ? `${words} (descending)` : words;
  }
  return /^[a-z0-9]+(_[a-z0-9]+)+$/.test(value) ? humanizeKey(value) : value;
}
