import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.js";

describe("cursor", () => {
  it("round-trips", () => {
    const cursor = { k: "2026-01-01T00:00:00.000Z", id: "abc" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
  it("rejects anything it did not issue", () => {
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from('{"k":{},"id":1}').toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("[1,2]").toString("base64url"))).toBeNull();
  });
});
