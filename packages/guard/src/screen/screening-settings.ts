/** The detector options of a guard and their defaults, checked once when the guard is created. */
import { MARKER_SCAN_LIMIT } from "@openaims/core";
import { PATTERN_PACKS } from "@openaims/redteam/detect";
import type { Severity } from "./findings.js";

/** Personal-data kinds the output screening can look for (the red-team engine's personal-data patterns). */
export const piiKinds = PATTERN_PACKS.pii.map((definition) => definition.id);

export interface DetectorOptions {
  /** Notes addressed to an AI and hidden markup in screened input (default on). */
  plantedInstructions?: boolean;
  /** Instruction overrides, jailbreak role-play, system-prompt extraction, chat-template markup, encoded instructions in input (default on). */
  promptInjection?: boolean;
  /** Unicode tag characters, zero-width characters and bidirectional controls, in input and output (default on). */
  invisibleCharacters?: boolean;
  /** Credentials in output: cloud and API keys, tokens, private keys, secrets assigned in text (default on). */
  secrets?: boolean;
  /** Personal data in output: true for every kind (the default), false for none, or the kinds to look for. */
  pii?: boolean | readonly string[];
  /** Output that carries data out: images and links with data in their address, collection hosts, long encoded blobs (default on). */
  exfiltration?: boolean;
  /** Tokens planted in the system prompt or context; one in an output means the context leaked. */
  canaries?: readonly string[];
  /** Input longer than this is screened up to here and reported as input.oversized (default 32,768 characters). */
  maxInputChars?: number;
  /** Output longer than this is screened up to here and reported as output.oversized (default 262,144). */
  maxOutputChars?: number;
  /** The lowest severity whose findings block (default high: medium and low findings flag). */
  blockAt?: Severity;
}

export interface ScreeningSettings {
  plantedInstructions: boolean;
  promptInjection: boolean;
  invisibleCharacters: boolean;
  secrets: boolean;
  pii: ReadonlySet<string>;
  exfiltration: boolean;
  canaries: readonly string[];
  maxInputChars: number;
  maxOutputChars: number;
  blockAt: Severity;
}

/** The most characters a guard can be told to screen in one text. */
export const MAX_SCREENED_CHARS = 4 * 1024 * 1024;
const MAX_CANARIES = 100;

/** Settings from options, or a list of what is wrong with them. */
export function screeningSettings(options: DetectorOptions = {}): ScreeningSettings {
  const problems: string[] = [];
  const size = (name: string, value: number | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1 || value > MAX_SCREENED_CHARS) {
      problems.push(`detectors.${name} must be a whole number from 1 to ${MAX_SCREENED_CHARS}`);
      return fallback;
    }
    return value;
  };
  const pii = options.pii ?? true;
  const kinds = pii === true ? piiKinds : pii === false ? [] : [...pii];
  for (const kind of kinds) {
    if (!piiKinds.includes(kind)) problems.push(`detectors.pii: ${kind} is not one of ${piiKinds.join(", ")}`);
  }
  const canaries = (options.canaries ?? []).filter((canary) => canary.length > 0);
  if (canaries.length > MAX_CANARIES) problems.push(`detectors.canaries may list at most ${MAX_CANARIES} tokens`);
  const blockAt = options.blockAt ?? "high";
  if (!["low", "medium", "high"].includes(blockAt)) problems.push("detectors.blockAt must be low, medium or high");
  const settings: ScreeningSettings = {
    plantedInstructions: options.plantedInstructions ?? true,
    promptInjection: options.promptInjection ?? true,
    invisibleCharacters: options.invisibleCharacters ?? true,
    secrets: options.secrets ?? true,
    pii: new Set(kinds),
    exfiltration: options.exfiltration ?? true,
    canaries,
    maxInputChars: size("maxInputChars", options.maxInputChars, MARKER_SCAN_LIMIT),
    maxOutputChars: size("maxOutputChars", options.maxOutputChars, 256 * 1024),
    blockAt,
  };
  if (problems.length > 0) throw new TypeError(`Invalid guard options: ${problems.join("; ")}.`);
  return settings;
}
