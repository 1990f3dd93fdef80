import type { FormatScanner, RawFinding } from "../../scan/format-scanner.js";
import { analyseChatTemplate } from "../gguf/chat-template/template-analysis.js";
import { cappedReporter } from "../shared/capped-reporter.js";

/** Files in which Hugging Face models keep their chat template (beside the weights). */
const JSON_FILES = new Set(["tokenizer_config.json", "chat_template.json"]);
/** Largest template file read (real ones are kilobytes; vocabularies make tokenizer configs larger). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

function firstNonSpace(head: Uint8Array): number | undefined {
  return head.find(
    (b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf,
  );
}

/** The templates a file holds, by where they are: `chat_template` as a string or a list of named templates. */
function templatesOf(name: string, text: string): Map<string, string> | null {
  const templates = new Map<string, string>();
  if (name.endsWith(".jinja")) {
    templates.set(name, text);
    return templates;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const value =
    typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).chat_template : undefined;
  if (typeof value === "string") templates.set("chat_template", value);
  else if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      const named = entry as { name?: unknown; template?: unknown } | null;
      if (typeof named?.template === "string")
        templates.set(`chat_template.${typeof named.name === "string" ? named.name : i}`, named.template);
    });
  }
  return templates;
}

/**
 * The chat templates of Hugging Face models (tokenizer_config.json, chat_template.json,
 * chat_template.jinja): the same Jinja programs as a GGUF file's, rendered by transformers and by
 * inference servers, analysed by the same rules. Recognised by their fixed names and text content.
 */
export const chatTemplateFileScanner: FormatScanner = {
  format: "text",
  sniff(head, _size, name) {
    if (JSON_FILES.has(name)) return firstNonSpace(head) === 0x7b;
    return name.endsWith(".jinja") && !head.includes(0);
  },
  async scan(source, context) {
    const sink = cappedReporter(context);
    const report = (finding: RawFinding) => sink.report(finding);
    if (source.size > Math.min(MAX_FILE_BYTES, context.limits.maxStructureBytes)) {
      report({
        ruleId: "chat-template.unreadable",
        location: "",
        title: "The file is too large to analyse",
        detail: `It is ${source.size} bytes; its chat template was not checked.`,
      });
      sink.finish();
      return;
    }
    const text = new TextDecoder().decode(await source.read(0, source.size));
    const templates = templatesOf(context.name, text);
    if (templates === null) {
      report({
        ruleId: "chat-template.unreadable",
        location: "",
        title: "The tokenizer configuration is not JSON",
        detail: "Its chat template could not be read, so it was not checked; transformers cannot load it either.",
      });
    }
    for (const [key, template] of templates ?? []) {
      for (const finding of analyseChatTemplate(template)) {
        report({
          ruleId: `chat-template.${finding.kind}`,
          severity: finding.severity,
          location: `${key}@${finding.offset}`,
          title: finding.title,
          detail: finding.detail,
        });
      }
    }
    sink.finish();
  },
};
