import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];
const serve =
  "TensorFlow runs a SavedModel's graph as given when it serves or calls the model. Ask the publisher why the op is there, or re-export the model without it.";

/** Rules of the TensorFlow SavedModel checks. */
export const savedModelRules: readonly Rule[] = [
  {
    id: "savedmodel.python-op",
    title: "SavedModel calls Python functions",
    severity: "critical",
    cwe: ["CWE-94"],
    owaspAgentic: supplyChain,
    help: `PyFunc, PyFuncStateless and EagerPyFunc call a Python function of the serving process by a token; with a matching function registered, serving the model runs arbitrary Python. ${serve}`,
  },
  {
    id: "savedmodel.file-read-op",
    title: "SavedModel reads files",
    severity: "high",
    cwe: ["CWE-73", "CWE-200"],
    owaspAgentic: supplyChain,
    help: `Ops such as ReadFile, MatchingFiles, ImmutableConst, file readers and file datasets read files named at run time; a model can return the host's files in its outputs. ${serve}`,
  },
  {
    id: "savedmodel.file-write-op",
    title: "SavedModel writes files",
    severity: "high",
    cwe: ["CWE-73"],
    owaspAgentic: supplyChain,
    help: `Ops such as WriteFile, dataset savers, summary writers, debug dumps and PrintV2 to a file write on the host. ${serve}`,
  },
  {
    id: "savedmodel.fixed-path",
    title: "SavedModel fixes a checkpoint or vocabulary path outside its folder",
    severity: "high",
    cwe: ["CWE-22", "CWE-73"],
    owaspAgentic: supplyChain,
    help: `Save, restore and vocabulary ops normally receive their file name at load time; a graph that fixes it to an absolute or climbing path reads or overwrites files elsewhere on the host. ${serve}`,
  },
  {
    id: "savedmodel.malformed",
    title: "SavedModel is malformed",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "The file stops being a valid protocol buffer part-way. Obtain the model again from its publisher.",
  },
  {
    id: "savedmodel.limit",
    title: "SavedModel was not read to the end",
    severity: "medium",
    cwe: [],
    owaspAgentic: supplyChain,
    help: "The graph nests deeper, or has more structure, than the scanner reads; what follows was not checked.",
  },
];
