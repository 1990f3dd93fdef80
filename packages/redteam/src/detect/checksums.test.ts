import { describe, expect, it } from "vitest";
import { ibanValid, luhnValid } from "./checksums.js";

describe("luhnValid", () => {
  it("accepts well-known test card numbers and rejects a changed digit", () => {
    for (const card of ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"]) {
      expect(luhnValid(card)).toBe(true);
      expect(luhnValid(card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10))).toBe(false);
    }
    expect(luhnValid("4111 1111")).toBe(false);
  });
});

describe("ibanValid", () => {
  it("accepts published example IBANs, spaced or not, and rejects a changed digit", () => {
    for (const iban of ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR1420041010050500013M02606"]) {
      expect(ibanValid(iban)).toBe(true);
    }
    expect(ibanValid("DE89 3704 0044 0532 0130 01")).toBe(false);
    expect(ibanValid("GB82WEST1234569876543")).toBe(false);
    expect(ibanValid("DE89")).toBe(false);
  });
});
