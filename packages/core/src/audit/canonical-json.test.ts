import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { diffChanges } from "./diff-changes.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
  it("parses back to the same value for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
  it("refuses values JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("diffChanges", () => {
  it("lists only changed fields and redacts secrets", () => {
    expect(
      diffChanges({ name: "a", role: "viewer", secret: "x" }, { name: "a", role: "admin", secret: "y" }, ["secret"]),
    ).toEqual({
      role: { before: "viewer", after: "admin" },
      secret: { before: "[redacted]", after: "[redacted]" },
    });
  });
  it("treats a creation as null before", () => {
    expect(diffChanges(null, { name: "a" })).toEqual({ name: { before: null, after: "a" } });
  });
});
