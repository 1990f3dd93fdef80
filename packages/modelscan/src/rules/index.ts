import { archiveRules } from "./archive-rules.js";
import { chatTemplateRules } from "./chat-template-rules.js";
import { ggufRules } from "./gguf-rules.js";
import { kerasRules } from "./keras-rules.js";
import { licenceRules } from "./licence-rules.js";
import { onnxRules } from "./onnx-rules.js";
import { pickleRules } from "./pickle-rules.js";
import type { Rule } from "./rule.js";
import { safetensorsRules } from "./safetensors-rules.js";
import { savedModelRules } from "./savedmodel-rules.js";

/** Rule lists of each format module; add a module's list with one line here. */
const ruleLists: readonly (readonly Rule[])[] = [
  safetensorsRules,
  ggufRules,
  onnxRules,
  pickleRules,
  archiveRules,
  licenceRules,
  kerasRules,
  savedModelRules,
  chatTemplateRules,
];

function byId(lists: readonly (readonly Rule[])[]): ReadonlyMap<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const rule of lists.flat()) {
    if (rules.has(rule.id)) throw new Error(`Two scanner rules have the id ${rule.id}.`);
    rules.set(rule.id, rule);
  }
  return rules;
}

/** Every rule of the scanner, by id. */
export const rules: ReadonlyMap<string, Rule> = byId(ruleLists);
