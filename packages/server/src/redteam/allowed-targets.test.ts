import { describe, expect, it } from "vitest";
import { parseAllowedOrigins, targetRefusal } from "./allowed-targets.js";

describe("allowed scan targets", () => {
  it("reads origins from the comma-separated setting", () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(" ")).toEqual([]);
    expect(parseAllowedOrigins("http://127.0.0.1:8000/v1, https://Bot.Internal ,http://127.0.0.1:8000")).toEqual([
      "http://127.0.0.1:8000",
      "https://bot.internal",
    ]);
    expect(() => parseAllowedOrigins("ftp://x")).toThrow(/ftp:\/\/x/);
    expect(() => parseAllowedOrigins("not a url")).toThrow(/AIMS_REDTEAM_TARGETS/);
  });

  it("refuses everything when unset, and any origin not listed", () => {
    expect(targetRefusal("http://127.0.0.1:8000/v1", [])).toMatch(/AIMS_REDTEAM_TARGETS/);
    const allowed = ["http://127.0.0.1:8000"];
    expect(targetRefusal("http://127.0.0.1:8000/v1/chat", allowed)).toBeNull();
    expect(targetRefusal("http://127.0.0.1:8001/v1", allowed)).toMatch(/127.0.0.1:8001 is not among/);
    expect(targetRefusal("http://user:pw@127.0.0.1:8000.evil.example/", allowed)).not.toBeNull();
  });
});
