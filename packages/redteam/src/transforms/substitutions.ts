/**
 * Transforms that swap single lowercase letters for look-alikes, each occurrence by chance.
 * Uppercase letters and digits are never touched, which keeps canaries and markers intact.
 */

/** Lowercase letter → digit, as in leetspeak. */
export const LEET_DIGITS: Readonly<Record<string, string>> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };

/** Lowercase Latin letter → the Cyrillic letter that looks the same. */
export const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  a: "\u0430",
  e: "\u0435",
  o: "\u043e",
  p: "\u0440",
  c: "\u0441",
  x: "\u0445",
  i: "\u0456",
  y: "\u0443",
};

const LEET_PROBABILITY = 0.6;
const HOMOGLYPH_PROBABILITY = 0.5;

export function leetspeakTransform(payload: string, rng: () => number): string {
  return substitute(payload, LEET_DIGITS, LEET_PROBABILITY, rng);
}

export function homoglyphTransform(payload: string, rng: () => number): string {
  return substitute(payload, CYRILLIC_LOOKALIKES, HOMOGLYPH_PROBABILITY, rng);
}

/** Draws once per substitutable letter, in order, so a seed fixes the output. */
function substitute(text: string, table: Readonly<Record<string, string>>, probability: number, rng: () => number) {
  return text.replace(/[a-z]/g, (letter) => {
    const swap = table[letter];
    return swap !== undefined && rng() < probability ? swap : letter;
  });
}
