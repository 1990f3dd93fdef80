import { describe, expect, it } from "vitest";
import { cookieHeader, storeSetCookies } from "./cookie-jar.js";

describe("cookie jar", () => {
  it("keeps cookies, updates them and sends them back", () => {
    const jar = new Map<string, string>();
    storeSetCookies(jar, ["sid=abc; Path=/; HttpOnly", "theme=dark", "broken", "=nameless"]);
    storeSetCookies(jar, ["sid=def; Secure"]);
    expect(cookieHeader(jar)).toBe("sid=def; theme=dark");
  });

  it("forgets cookies that expire", () => {
    const jar = new Map([
      ["sid", "abc"],
      ["theme", "dark"],
    ]);
    const now = Date.parse("2026-01-01T00:00:00Z");
    storeSetCookies(jar, ["sid=; Max-Age=0", "theme=x; Expires=Thu, 01 Jan 2025 00:00:00 GMT"], now);
    expect(jar.size).toBe(0);
    expect(cookieHeader(jar)).toBeUndefined();
  });
});
