/** A marker found in a prompt or completion: which kind, and a short description of what matched. */
export interface MarkerHit {
  kind: string;
  detail: string;
}

const injectionPatterns: ReadonlyArray<[string, RegExp]> = [
  [
    "instruction_override",
    /\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|earlier)\b.{0,20}\b(instructions?|rules|prompts?)\b/i,
  ],
  [
    "system_prompt_extraction",
    /\b(reveal|print|show|repeat)\b.{0,40}\b(system prompt|hidden instructions|initial instructions)\b/i,
  ],
  ["jailbreak_persona", /\b(DAN|do anything now|developer mode|jailbreak(ed)?)\b/i],
];

const exfiltrationPatterns: ReadonlyArray<[string, RegExp]> = [
  ["markdown_image_with_data", /!\[[^\]]*\]\(https?:\/\/[^)\s]+\?[^)\s]*=[^)\s]{16,}\)/i],
];

function hits(text: string, patterns: ReadonlyArray<[string, RegExp]>): MarkerHit[] {
  const found: MarkerHit[] = [];
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(text);
    if (match) found.push({ kind, detail: match[0].slice(0, 120) });
  }
  return found;
}

/** Prompt-injection and jailbreak markers in a captured input. */
export function inputMarkers(text: string): MarkerHit[] {
  return hits(text, injectionPatterns);
}

/** Data-exfiltration patterns in a captured output. */
export function outputMarkers(text: string): MarkerHit[] {
  return hits(text, exfiltrationPatterns);
}
