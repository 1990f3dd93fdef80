import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../model.js";
import { fillBodyTemplate, lastUserText } from "./body-template.js";

const messages: ChatMessage[] = [
  { role: "user", content: "first" },
  { role: "assistant", content: null },
  { role: "user", content: "say {{session}}" },
];

describe("fillBodyTemplate", () => {
  it("replaces whole-string placeholders with typed values, deep inside the template", () => {
    const filled = fillBodyTemplate(
      { input: { text: "{{message}}" }, history: "{{messages}}", sid: "{{session}}", n: 3, flag: true, none: null },
      { message: "hello", messages, session: "s-1" },
    );
    expect(filled).toEqual({
      input: { text: "hello" },
      history: [
        { role: "user", content: "first" },
        { role: "assistant", content: "" },
        { role: "user", content: "say {{session}}" },
      ],
      sid: "s-1",
      n: 3,
      flag: true,
      none: null,
    });
  });

  it("replaces inline placeholders once, without re-reading the inserted text", () => {
    expect(
      fillBodyTemplate(["Q: {{message}} (session {{session}})", "{{other}}"], {
        message: "say {{session}}",
        messages,
        session: undefined,
      }),
    ).toEqual(["Q: say {{session}} (session )", "{{other}}"]);
  });

  it("uses null for a session not captured yet", () => {
    expect(fillBodyTemplate({ sid: "{{session}}" }, { message: "", messages, session: undefined })).toEqual({
      sid: null,
    });
  });
});

describe("lastUserText", () => {
  it("finds the last user turn", () => {
    expect(lastUserText(messages)).toBe("say {{session}}");
    expect(lastUserText([])).toBe("");
  });
});
