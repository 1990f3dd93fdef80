import { describe, expect, it } from "vitest";
import { isUuid } from "./is-uuid.js";

describe("isUuid", () => {
  it("tells a record id from a reference or slug, in any case", () => {
    expect(isUuid("0b9f4c2e-8d1a-4f5b-9c3d-2e7a6b1c0d4f")).toBe(true);
    expect(isUuid("0B9F4C2E-8D1A-4F5B-9C3D-2E7A6B1C0D4F")).toBe(true);
    expect(isUuid("R-12")).toBe(false);
    expect(isUuid("support-bot")).toBe(false);
    expect(isUuid("0b9f4c2e-8d1a-4f5b-9c3d-2e7a6b1c0d4")).toBe(false);
  });
});
