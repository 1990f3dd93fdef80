/** Lower-cased words of a search. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

// Dots, colons, hyphens and underscores stay inside tokens so ids such as A.6.2.4, LLM01:2025 and
// tool_misuse remain whole.
const tokenSeparator = /[^\p{L}\p{N}.:_-]+/u;

/**
 * True when every search word starts some token of the item's texts. Matching at token starts keeps
 * "Art. 12" from finding "MEASURE 2.12", while "A.6 monitor" still finds A.6.2.6.
 */
export function matchesSearch(words: readonly string[], texts: readonly string[]): boolean {
  if (words.length === 0) return true;
  const tokens = texts.join(" ").toLowerCase().split(tokenSeparator).filter(Boolean);
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}
