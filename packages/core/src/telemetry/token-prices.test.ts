import { describe, expect, it } from "vitest";
import { priceForModel, tokenCost } from "./token-prices.js";

const prices = [
  { model: "gpt-4o", inputPerMillion: 2.5, outputPerMillion: 10 },
  { model: "gpt-4o*", inputPerMillion: 5, outputPerMillion: 15 },
  { model: "gpt-4o-mini*", inputPerMillion: 0.15, outputPerMillion: 0.6 },
  { model: "gpt*", inputPerMillion: 1, outputPerMillion: 1 },
];

describe("token prices", () => {
  it("prefers the exact model, then the longest prefix", () => {
    expect(priceForModel(prices, "GPT-4o")?.inputPerMillion).toBe(2.5);
    expect(priceForModel(prices, "gpt-4o-mini-2024-07-18")?.inputPerMillion).toBe(0.15);
    expect(priceForModel(prices, "gpt-4o-2024-08-06")?.inputPerMillion).toBe(5);
    expect(priceForModel(prices, "gpt-3.5-turbo")?.inputPerMillion).toBe(1);
    expect(priceForModel(prices, "claude-3")).toBeNull();
    expect(priceForModel(prices, null)).toBeNull();
  });

  it("computes cost per million tokens, null without a price or tokens", () => {
    expect(tokenCost(prices[0] ?? null, 1000, 500)).toBeCloseTo(0.0075, 12);
    expect(tokenCost(null, 1000, 500)).toBeNull();
    expect(tokenCost(prices[0] ?? null, null, null)).toBeNull();
  });
});
