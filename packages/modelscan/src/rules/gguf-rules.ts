import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];
const malformed =
  "A reader that trusts these counts and lengths reads out of bounds; llama.cpp and other loaders have had memory-safety bugs exactly here. Obtain the file again from its publisher and compare its digest.";
const template =
  "A GGUF file carries its chat template as a Jinja2 program that the loader renders on every request. Inference servers that render it without a sandbox (llama-cpp-python before 0.2.72, CVE-2024-34359) run whatever the template reaches; a sandbox only holds if the template never touches Python's internals. Do not load the model; replace the template with a known one (e.g. the publisher's tokenizer_config.json) or remove it.";

/** Rules of the GGUF structure checks and the chat-template analysis. */
export const ggufRules: readonly Rule[] = [
  {
    id: "gguf.header",
    title: "GGUF header is malformed",
    severity: "high",
    cwe: ["CWE-20", "CWE-125"],
    owaspAgentic: supplyChain,
    help: `The version is unknown, the file ends early, or the tensor or metadata counts cannot fit in the file. ${malformed}`,
  },
  {
    id: "gguf.metadata",
    title: "GGUF metadata is malformed",
    severity: "high",
    cwe: ["CWE-20", "CWE-125"],
    owaspAgentic: supplyChain,
    help: `A key or value has an unknown type, a string or array runs past the end of the file, arrays nest too deeply, or a key repeats. ${malformed}`,
  },
  {
    id: "gguf.tensor-info",
    title: "GGUF tensor description is malformed",
    severity: "high",
    cwe: ["CWE-20", "CWE-125"],
    owaspAgentic: supplyChain,
    help: `A tensor has too many dimensions, an unknown type, an unaligned offset, or data past the end of the file. ${malformed}`,
  },
  {
    id: "gguf.alignment",
    title: "GGUF alignment is invalid",
    severity: "high",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `general.alignment must be a uint32 power of two. ${malformed}`,
  },
  {
    id: "gguf.template-sandbox-escape",
    title: "GGUF chat template escapes the Jinja sandbox",
    severity: "critical",
    cwe: ["CWE-1336", "CWE-94"],
    owaspAgentic: supplyChain,
    help: `The template walks to Python's internals (dunder attributes, globals, builtins), names code-running functions, or imports other templates. ${template}`,
  },
  {
    id: "gguf.template-obfuscation",
    title: "GGUF chat template builds names in hiding",
    severity: "high",
    cwe: ["CWE-1336"],
    owaspAgentic: supplyChain,
    help: `The template spells names with escapes, joins pieces into attribute names, looks attributes up by computed names, or picks characters out of objects' text: the techniques used to get past scanners that look for words. ${template}`,
  },
  {
    id: "gguf.template-risky-global",
    title: "GGUF chat template uses a global that leads to Python internals",
    severity: "medium",
    cwe: ["CWE-1336"],
    owaspAgentic: supplyChain,
    help: `Jinja globals such as lipsum, cycler, joiner and self carry references to the engine's Python globals; chat templates do not need them. ${template}`,
  },
  {
    id: "gguf.template-syntax",
    title: "GGUF chat template does not parse",
    severity: "low",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "The template has an unclosed tag, comment or raw block; Jinja refuses it, so the model's chat formatting is broken. The rest of the template was still analysed.",
  },
];
