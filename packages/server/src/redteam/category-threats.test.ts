import { redteamCategories } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { threatForCategory } from "./category-threats.js";

describe("threatForCategory", () => {
  it("finds a library threat for every probe category", () => {
    for (const category of redteamCategories) expect(threatForCategory(category), category).not.toBeNull();
    expect(threatForCategory("direct_injection")?.id).toBe("prompt_injection");
    expect(threatForCategory("authorization")?.id).toBe("authorization_weaknesses");
  });
});
