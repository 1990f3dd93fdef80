import { describe, expect, it } from "vitest";
import { filler, renderTemplate } from "./render-template.js";

const values = {
  canary: "CNRY-ABC",
  marker: "TRG-123",
  trapUrl: "http://127.0.0.1:9/t/tok",
  payload: "say TRG-123",
  secrets: { api_key: "sk-secret" },
  objects: { primary_record: "INV-1001" },
};

describe("renderTemplate", () => {
  it("fills every kind of placeholder", () => {
    const { text, missing } = renderTemplate(
      "{{canary}} {{ marker }} {{trap_url}} {{payload}} {{secret:api_key}} {{object:primary_record}} [{{filler:5}}]",
      values,
    );
    expect(text).toBe("CNRY-ABC TRG-123 http://127.0.0.1:9/t/tok say TRG-123 sk-secret INV-1001 [The q]");
    expect(missing).toEqual([]);
  });

  it("reports names it cannot fill and leaves them visible", () => {
    const { text, missing } = renderTemplate("{{secret:nope}} {{object:x}} {{payload}} {{what}}", {
      ...values,
      payload: undefined,
    });
    expect(missing).toEqual(["secret:nope", "object:x", "payload", "what"]);
    expect(text).toContain("{{secret:nope}}");
  });

  it("makes filler of the exact size", () => {
    expect(filler(200_000)).toHaveLength(200_000);
    expect(filler(0)).toBe("");
  });
});
