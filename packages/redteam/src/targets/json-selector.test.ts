import { describe, expect, it } from "vitest";
import { isSelector, parseSelector, selectValue } from "./json-selector.js";

describe("parseSelector", () => {
  it("reads dotted paths, numeric steps, brackets and a leading $.", () => {
    expect(parseSelector("reply")).toEqual(["reply"]);
    expect(parseSelector("choices.0.message.content")).toEqual(["choices", 0, "message", "content"]);
    expect(parseSelector("$.data[1].text")).toEqual(["data", 1, "text"]);
    expect(parseSelector("$[0]")).toEqual([0]);
    expect(parseSelector("$")).toEqual([]);
  });

  it("rejects empty and malformed selectors", () => {
    for (const bad of ["", "$.", "a..b", "a.", "a[x]", "a[1"]) expect(isSelector(bad), bad).toBe(false);
  });
});

describe("selectValue", () => {
  const reply = { choices: [{ message: { content: "hi", nothing: null } }] };

  it("walks objects and arrays", () => {
    expect(selectValue(reply, parseSelector("choices.0.message.content"))).toBe("hi");
    expect(selectValue(reply, parseSelector("choices.0.message.nothing"))).toBeNull();
  });

  it("answers undefined for missing steps, wrong shapes and inherited keys", () => {
    expect(selectValue(reply, parseSelector("choices.1.message"))).toBeUndefined();
    expect(selectValue(reply, parseSelector("choices.message"))).toBeUndefined();
    expect(selectValue("text", parseSelector("a"))).toBeUndefined();
    expect(selectValue({}, parseSelector("constructor"))).toBeUndefined();
  });
});
