/** A token price: an exact model name, or a prefix ending in `*`. */
export interface TokenPrice {
  model: string;
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * The price for a model: an exact (case-insensitive) name first, else the longest matching prefix
 * pattern (`gpt-4o*`), else null.
 */
export function priceForModel<P extends TokenPrice>(prices: readonly P[], model: string | null): P | null {
  if (!model) return null;
  const name = model.toLowerCase();
  let best: P | null = null;
  let bestLength = -1;
  for (const price of prices) {
    const pattern = price.model.toLowerCase();
    if (!pattern.endsWith("*")) {
      if (pattern === name) return price;
      continue;
    }
    const prefix = pattern.slice(0, -1);
    if (name.startsWith(prefix) && prefix.length > bestLength) {
      best = price;
      bestLength = prefix.length;
    }
  }
  return best;
}

/** Cost of a call from its token counts; null without a price or any token count. */
export function tokenCost(
  price: TokenPrice | null,
  inputTokens: number | null,
  outputTokens: number | null,
): number | null {
  if (!price || (inputTokens === null && outputTokens === null)) return null;
  return ((inputTokens ?? 0) * price.inputPerMillion + (outputTokens ?? 0) * price.outputPerMillion) / 1_000_000;
}
