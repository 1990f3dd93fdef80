import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];
const load =
  "Do not load the model with safe_mode=False, with Keras 2 or with tf.keras unless you trust its publisher; ask for a version without it, or rebuild the layer in your own code and load only the weights.";

/** Rules of the Keras (.keras and legacy .h5) checks. */
export const kerasRules: readonly Rule[] = [
  {
    id: "keras.lambda",
    title: "Keras model has a Lambda layer",
    severity: "critical",
    cwe: ["CWE-502", "CWE-94"],
    owaspAgentic: supplyChain,
    help: `A Lambda layer stores a Python function, as marshalled bytecode or as a name to import, and runs it when the model is loaded or called. ${load}`,
  },
  {
    id: "keras.function-reference",
    title: "Keras model names a function to import",
    severity: "high",
    cwe: ["CWE-502", "CWE-470"],
    owaspAgentic: supplyChain,
    help: `The configuration names a function by module and name; Keras imports and calls it. Named functions of os, subprocess or builtins run commands (CVE-2025-1550 bypassed safe_mode this way). ${load}`,
  },
  {
    id: "keras.custom-object",
    title: "Keras model uses objects from outside Keras",
    severity: "high",
    cwe: ["CWE-502", "CWE-470"],
    owaspAgentic: supplyChain,
    help: `Objects whose module or registered name is not Keras's own are code from another package, which runs when the model loads. Install and review that package, or ask for a model built from standard layers. ${load}`,
  },
  {
    id: "keras.config-unreadable",
    title: "Keras model configuration could not be checked",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "The configuration is not valid JSON or too large to read, so what it would make Keras do is unknown. Obtain the model again from its publisher.",
  },
  {
    id: "keras.archive",
    title: ".keras archive is malformed",
    severity: "high",
    cwe: ["CWE-20", "CWE-22"],
    owaspAgentic: supplyChain,
    help: "The .keras zip is unreadable, lacks config.json, repeats a member, or has a member whose path leaves the model's folder. Obtain the model again from its publisher.",
  },
];
