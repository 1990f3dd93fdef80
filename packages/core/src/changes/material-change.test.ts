import { changeKinds } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { suggestMaterial } from "./material-change.js";

describe("suggesting whether a change is material", () => {
  it("calls model, retraining, vendor, tool and data changes material, and leaves prompts and others to the person", () => {
    const material = changeKinds.filter((kind) => suggestMaterial(kind).material);
    expect(material).toEqual([
      "model_version",
      "retraining",
      "vendor_model",
      "new_tool_or_connector",
      "new_data_source",
    ]);
  });

  it("says why for every kind", () => {
    for (const kind of changeKinds) expect(suggestMaterial(kind).why).toMatch(/^[A-Z].{20,}\.$/);
  });
});
