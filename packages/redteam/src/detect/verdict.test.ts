import { describe, expect, it } from "vitest";
import type { DetectorOutcome, DetectorResult, ExchangeErrorKind, ExchangeResult } from "../model.js";
import { verdictOf } from "./verdict.js";

const result = (outcome: DetectorOutcome): DetectorResult => ({ kind: "canary", outcome, detail: "" });

function exchange(ok: boolean, httpStatus?: number, kind?: ExchangeErrorKind): ExchangeResult {
  return {
    ok,
    reply: "",
    toolCalls: null,
    httpStatus,
    latencyMs: 1,
    attempts: 1,
    truncated: false,
    ...(kind ? { error: { kind, message: "x" } } : {}),
    wire: { request: "", response: "" },
  };
}

describe("verdictOf", () => {
  it("is vulnerable when anything matched, even with failures", () => {
    expect(verdictOf([result("clear"), result("matched")], [exchange(false, undefined, "timeout")])).toBe("vulnerable");
  });

  it("is an error when an exchange failed other than by a 4xx refusal", () => {
    expect(verdictOf([result("clear")], [exchange(true, 200), exchange(false, undefined, "timeout")])).toBe("error");
    expect(verdictOf([result("clear")], [exchange(false, 500, "http_status")])).toBe("error");
    expect(verdictOf([result("clear")], [exchange(false, 429, "http_status")])).toBe("error");
    expect(verdictOf([result("clear")], [exchange(false, 429, "rate_limited")])).toBe("error");
    expect(verdictOf([result("clear")], [exchange(false)])).toBe("error");
  });

  it("treats a 4xx refusal as an answer", () => {
    expect(verdictOf([result("clear")], [exchange(false, 413, "http_status")])).toBe("not_observed");
    expect(verdictOf([result("unknown")], [exchange(false, 400, "http_status")])).toBe("inconclusive");
  });

  it("is inconclusive with an unknown and not observed otherwise", () => {
    expect(verdictOf([result("clear"), result("unknown")], [exchange(true, 200)])).toBe("inconclusive");
    expect(verdictOf([result("clear")], [exchange(true, 200)])).toBe("not_observed");
  });
});
