import { describe, expect, it } from "vitest";
import { splitCommandLine } from "./command-line.js";

describe("splitCommandLine", () => {
  it("splits on runs of spaces", () => {
    expect(splitCommandLine("  node app.js   --x ")).toEqual(["node", "app.js", "--x"]);
  });

  it("groups quoted text and keeps empty quoted arguments", () => {
    expect(splitCommandLine(`python -c 'print("hi there")' "a \\"b\\"" ''`)).toEqual([
      "python",
      "-c",
      'print("hi there")',
      'a "b"',
      "",
    ]);
    expect(splitCommandLine('my\\ app --name="x y"')).toEqual(["my app", "--name=x y"]);
  });

  it("rejects an unterminated quote", () => {
    expect(() => splitCommandLine("node 'app.js")).toThrow("unterminated ' quote");
  });
});
