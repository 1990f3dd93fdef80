import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];
const template =
  "Hugging Face models keep their chat template in tokenizer_config.json, chat_template.json or chat_template.jinja; transformers and inference servers render it as a Jinja2 program on every request, and a sandbox only holds if the template never touches Python's internals. Do not serve the model with this template; replace it with the publisher's known template.";

/** Rules of the chat-template analysis of Hugging Face tokenizer files (the GGUF ones are gguf.template-*). */
export const chatTemplateRules: readonly Rule[] = [
  {
    id: "chat-template.sandbox-escape",
    title: "Chat template escapes the Jinja sandbox",
    severity: "critical",
    cwe: ["CWE-1336", "CWE-94"],
    owaspAgentic: supplyChain,
    help: `The template walks to Python's internals (dunder attributes, globals, builtins), names code-running functions, or imports other templates. ${template}`,
  },
  {
    id: "chat-template.obfuscation",
    title: "Chat template builds names in hiding",
    severity: "high",
    cwe: ["CWE-1336"],
    owaspAgentic: supplyChain,
    help: `The template spells names with escapes, joins pieces into attribute names, looks attributes up by computed names, or picks characters out of objects' text. ${template}`,
  },
  {
    id: "chat-template.risky-global",
    title: "Chat template uses a global that leads to Python internals",
    severity: "medium",
    cwe: ["CWE-1336"],
    owaspAgentic: supplyChain,
    help: `Jinja globals such as lipsum, cycler, joiner and self carry references to the engine's Python globals. ${template}`,
  },
  {
    id: "chat-template.syntax",
    title: "Chat template does not parse",
    severity: "low",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "The template has an unclosed tag, comment or raw block; the rest of it was still analysed.",
  },
  {
    id: "chat-template.unreadable",
    title: "Tokenizer configuration could not be checked",
    severity: "low",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "The file is not JSON or too large, so its chat template was not analysed.",
  },
];
