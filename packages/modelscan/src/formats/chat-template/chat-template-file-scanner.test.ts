import { describe, expect, it } from "vitest";
import { chatmlTemplate } from "../testing/gguf-writer.js";
import { head, runScanner } from "../testing/run-scanner.js";
import { chatTemplateFileScanner } from "./chat-template-file-scanner.js";

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const hostile = "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}";

describe("chat templates of Hugging Face tokenizer files", () => {
  it("recognises the files by name and text, and passes an ordinary template", async () => {
    const config = json({ bos_token: "<s>", model_max_length: 4096, chat_template: chatmlTemplate });
    expect(chatTemplateFileScanner.sniff(head(config), config.byteLength, "tokenizer_config.json")).toBe(true);
    expect(chatTemplateFileScanner.sniff(head(config), config.byteLength, "config.json")).toBe(false);
    expect(chatTemplateFileScanner.sniff(Uint8Array.of(0x7b, 0, 1), 3, "chat_template.jinja")).toBe(false);
    expect((await runScanner(chatTemplateFileScanner, config, { name: "tokenizer_config.json" })).findings).toEqual([]);
  });

  it.each([
    ["tokenizer_config.json", json({ chat_template: hostile }), "chat_template"],
    [
      "tokenizer_config.json",
      json({
        chat_template: [
          { name: "default", template: chatmlTemplate },
          { name: "tool_use", template: hostile },
        ],
      }),
      "chat_template.tool_use",
    ],
    ["chat_template.json", json({ chat_template: hostile }), "chat_template"],
    ["chat_template.jinja", new TextEncoder().encode(hostile), "chat_template.jinja"],
  ])("flags a sandbox escape in %s (%s)", async (name, bytes, key) => {
    const run = await runScanner(chatTemplateFileScanner, bytes, { name });
    expect(run.ruleIds).toEqual(["chat-template.sandbox-escape"]);
    expect(run.findings.every((f) => f.location.startsWith(`${key}@`))).toBe(true);
  });

  it("reports a tokenizer configuration that is not JSON", async () => {
    const run = await runScanner(chatTemplateFileScanner, new TextEncoder().encode('{"chat_template": '), {
      name: "tokenizer_config.json",
    });
    expect(run.ruleIds).toEqual(["chat-template.unreadable"]);
  });
});
