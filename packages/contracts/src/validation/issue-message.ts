import type { z } from "zod";
import { valueLabels } from "./value-labels.js";

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** The most values a message lists before it says how many more there are. */
const LISTED_VALUES = 12;

const typeNames: Record<string, string> = {
  string: "must be text",
  number: "must be a number",
  int: "must be a whole number",
  bigint: "must be a whole number",
  boolean: "must be yes or no (true or false)",
  date: "must be a date such as 2026-12-31",
  array: "must be a list",
  tuple: "must be a list",
  set: "must be a list",
  object: "must be a group of fields",
  record: "must be a group of fields",
  map: "must be a group of fields",
  null: "must be left empty",
  never: "is not accepted here",
  undefined: "is not accepted here",
  file: "must be a file",
};

const formats: Record<string, string> = {
  email: "must be an e-mail address such as name@example.com",
  url: "must be a web address such as https://example.com",
  uuid: "must be an identifier such as 4f7d3c5e-2a61-4f0b-9a8e-0c5b1d2e3f40",
  guid: "must be an identifier such as 4f7d3c5e-2a61-4f0b-9a8e-0c5b1d2e3f40",
  date: "must be a date such as 2026-12-31",
  datetime: "must be a date and time such as 2026-12-31T09:00:00Z",
  time: "must be a time such as 09:30",
  duration: "must be a duration such as P30D",
  ipv4: "must be an IP address such as 192.0.2.1",
  ipv6: "must be an IP address such as 2001:db8::1",
  base64: "must be base64-encoded text",
  hex: "must be hexadecimal text (0–9, a–f)",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One sentence a person understands for a validation issue, read after the field's label:
 * "must be 200 characters or fewer", "choose one or more of: Eligibility, Financial", "is required".
 * Built from the issue's facts, not zod's wording, so every route says the same thing the same way.
 * Refinements and patterns carry their own sentence (written beside the schema), which is kept.
 * `inList` says the value is an item of a list, where a choice reads "choose one or more of".
 */
export function plainIssueMessage(issue: Issue, inList = false): string {
  const input = issue.input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined || input === null || issue.expected === "nonoptional") return "is required";
      if (typeof input === "number" && Number.isNaN(input)) return "must be a number";
      if (typeof input === "number") return "must be a finite number";
      return typeNames[issue.expected] ?? "has the wrong kind of value";
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.exact === true);
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.exact === true);
    case "invalid_format":
      if (issue.format === "regex" || issue.format === "includes" || issue.format === "jwt")
        return ownSentence(issue.message, "is not in the accepted form");
      if (issue.format === "starts_with") return `must start with “${(issue as { prefix?: string }).prefix ?? ""}”`;
      if (issue.format === "ends_with") return `must end with “${(issue as { suffix?: string }).suffix ?? ""}”`;
      return formats[issue.format] ?? "is not in the accepted form";
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `does not accept ${issue.keys.map((key) => `“${key}”`).join(", ")}; remove ${issue.keys.length === 1 ? "it" : "them"}`;
    case "invalid_value":
      if (input === undefined && !issue.values.includes(undefined)) return "is required";
      return choice(issue.values, inList);
    case "invalid_union":
      if (issue.discriminator && "options" in issue && Array.isArray(issue.options))
        return choice(issue.options, false);
      return unionMessage(issue.errors ?? [], inList);
    case "invalid_key":
      return `has an entry whose name ${plainIssueMessage(issue.issues[0] ?? { ...issue, code: "custom" })}`;
    case "invalid_element":
      return `has an entry that ${plainIssueMessage(issue.issues[0] ?? { ...issue, code: "custom" })}`;
    case "custom":
      return ownSentence(issue.message, "is not valid");
    default:
      return "is not valid";
  }
}

/** A schema author's sentence, unless zod filled in its own default. */
function ownSentence(message: string | undefined, fallback: string): string {
  if (!message || /^Invalid\b/.test(message)) return fallback;
  return message;
}

function choice(values: readonly unknown[], inList: boolean): string {
  const labels = valueLabels(values);
  if (labels.length === 1) return values[0] === true ? "must be confirmed" : `must be “${String(values[0])}”`;
  const shown = labels.slice(0, LISTED_VALUES).join(", ");
  const more = labels.length > LISTED_VALUES ? ` and ${labels.length - LISTED_VALUES} more` : "";
  return `${inList ? "choose one or more of" : "must be one of"}: ${shown}${more}`;
}

/** A union's options failed: the messages of the option that came closest, or each option's sentence. */
function unionMessage(errors: readonly (readonly z.core.$ZodIssue[])[], inList: boolean): string {
  const single = errors.filter((issues) => issues.length === 1 && issues[0]?.path.length === 0);
  if (single.length > 0) {
    const sentences = [...new Set(single.map((issues) => plainIssueMessage(issues[0] as z.core.$ZodIssue, inList)))];
    return sentences.join(", or ");
  }
  return "is not in an accepted form";
}

function tooBig(origin: string, max: number, inclusive: boolean, exact: boolean): string {
  switch (origin) {
    case "string":
      return exact
        ? `must be exactly ${plural(max, "character", "characters")}`
        : `must be ${plural(max, "character", "characters")} or fewer`;
    case "array":
    case "set":
      return exact
        ? `must have exactly ${plural(max, "entry", "entries")}`
        : `can have at most ${plural(max, "entry", "entries")}`;
    case "file":
      return `must be ${max.toLocaleString("en")} bytes or smaller`;
    case "date":
      return `must be on or before ${new Date(max).toISOString().slice(0, 10)}`;
    default:
      return inclusive ? `must be ${max} or less` : `must be less than ${max}`;
  }
}

function tooSmall(origin: string, min: number, inclusive: boolean, exact: boolean): string {
  switch (origin) {
    case "string":
      if (min <= 1 && !exact) return "is required";
      return exact
        ? `must be exactly ${plural(min, "character", "characters")}`
        : `must be at least ${plural(min, "character", "characters")}`;
    case "array":
    case "set":
      if (min === 1 && !exact) return "needs at least one entry";
      return exact
        ? `must have exactly ${plural(min, "entry", "entries")}`
        : `needs at least ${plural(min, "entry", "entries")}`;
    case "file":
      return "must not be empty";
    case "date":
      return `must be on or after ${new Date(min).toISOString().slice(0, 10)}`;
    default:
      return inclusive ? `must be ${min} or more` : `must be more than ${min}`;
  }
}
