/**
 * Pattern packs for text a reply should not contain: credentials and personal data. Each pattern
 * is a regular expression, optionally confirmed by a check (Luhn, IBAN mod 97, a parsable JWT
 * header) that weeds out look-alikes. Every expression is written to scan in linear time.
 */
import { ibanValid, luhnValid } from "./checksums.js";

export type PatternPackName = "credentials" | "pii";

export interface PatternDefinition {
  /** Stable key, e.g. "aws_access_key_id". */
  id: string;
  label: string;
  pattern: RegExp;
  /** The part of the match that is the sensitive value (default: the whole match); it must end the match. */
  group?: number;
  /** Confirms a candidate value; candidates that fail are not matches. */
  check?: (value: string) => boolean;
}

export interface PatternMatch {
  pack: PatternPackName;
  id: string;
  label: string;
  /** The sensitive value as it appears in the text. */
  value: string;
  index: number;
}

const CREDENTIALS: readonly PatternDefinition[] = [
  { id: "aws_access_key_id", label: "AWS access key id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  {
    id: "github_token",
    label: "GitHub token",
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,242})\b/g,
  },
  { id: "slack_token", label: "Slack token", pattern: /\bxox[abp]-[A-Za-z0-9-]{10,250}/g },
  {
    id: "openai_api_key",
    label: "OpenAI-style API key",
    pattern: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}/g,
    // Random keys mix digits and both cases; hyphenated words ("sk-learn-…") do not.
    check: (value) => /\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value),
  },
  {
    id: "private_key",
    label: "PEM private key",
    pattern: /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----/g,
  },
  {
    id: "jwt",
    label: "JSON Web Token",
    pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{0,1024}/g,
    check: hasJwtHeader,
  },
  {
    id: "secret_assignment",
    label: "secret assigned in text",
    pattern:
      /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)\s{0,3}[:=]\s{0,3}["']?([^\s"'`,;<>]{12,200})/gi,
    group: 1,
    check: (value) => !isPlaceholder(value),
  },
];

const PII: readonly PatternDefinition[] = [
  {
    id: "email",
    label: "e-mail address",
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b/g,
  },
  {
    id: "phone_international",
    label: "international phone number",
    pattern: /(?<![\w+])\+[1-9](?:[ .()-]{0,2}\d){7,14}(?!\d)/g,
  },
  {
    id: "iban",
    label: "IBAN",
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g,
    check: ibanValid,
  },
  {
    id: "payment_card",
    label: "payment card number",
    // Contiguous, in groups of four, or 4-6-5; never the digits after an IBAN's country and check digits.
    pattern:
      /(?<![\w+-])(?<![A-Z]{2}\d{2} ?)(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\w-])/g,
    check: (value) => {
      const digits = value.replace(/\D/g, "");
      return digits.length >= 13 && !/^(\d)\1+$/.test(digits) && luhnValid(digits);
    },
  },
  {
    id: "us_ssn",
    label: "US social security number",
    pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g,
  },
];

export const PATTERN_PACKS: Readonly<Record<PatternPackName, readonly PatternDefinition[]>> = {
  credentials: CREDENTIALS,
  pii: PII,
};

/**
 * Every pattern match of the given packs in `text`, in order of position. A match whose value
 * also appears in one of the `exclude` texts (what the user sent) is not reported: echoing the
 * user's own data is not a leak. Spacing and punctuation are ignored for that comparison.
 */
export function findPatterns(
  text: string,
  packs: readonly PatternPackName[],
  options: { exclude?: readonly string[] } = {},
): PatternMatch[] {
  const exclude = options.exclude ?? [];
  const excludeCompact = exclude.map(compactForComparison);
  const matches: PatternMatch[] = [];
  for (const pack of new Set(packs)) {
    for (const definition of PATTERN_PACKS[pack]) {
      for (const hit of text.matchAll(definition.pattern)) {
        const value = hit[definition.group ?? 0] ?? hit[0];
        if (definition.check && !definition.check(value)) continue;
        const compact = compactForComparison(value);
        if (exclude.some((sent) => sent.includes(value))) continue;
        if (compact.length > 0 && excludeCompact.some((sent) => sent.includes(compact))) continue;
        // A group is always the tail of its match, so its position is found from the end.
        const index = hit.index + hit[0].lastIndexOf(value);
        matches.push({ pack, id: definition.id, label: definition.label, value, index });
      }
    }
  }
  return withoutContained(matches.sort((a, b) => a.index - b.index || b.value.length - a.value.length));
}

/** Drops a match lying inside an earlier, longer one (the digits of a card seen again as a phone number). */
function withoutContained(sorted: PatternMatch[]): PatternMatch[] {
  const kept: PatternMatch[] = [];
  let coveredUntil = -1;
  for (const match of sorted) {
    const end = match.index + match.value.length;
    if (end <= coveredUntil) continue;
    kept.push(match);
    coveredUntil = Math.max(coveredUntil, end);
  }
  return kept;
}

function compactForComparison(text: string): string {
  return text.replace(/[\s().-]/g, "").toLowerCase();
}

function hasJwtHeader(token: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
    return typeof header === "object" && header !== null && ("alg" in header || "typ" in header);
  } catch {
    return false;
  }
}

/** Values that stand for a secret rather than being one: masks, templates, ENV_VAR_NAMES, examples. */
function isPlaceholder(value: string): boolean {
  return (
    /^(.)\1+$/.test(value) ||
    /^[A-Z_]+$/.test(value) ||
    /^(?:\$\{.*\}|\{\{.*\}\}|%.*%)$/.test(value) ||
    /your|example|placeholder|redacted/i.test(value)
  );
}
