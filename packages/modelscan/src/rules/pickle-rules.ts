import type { Rule } from "./rule.js";

const deserialisation = { cwe: ["CWE-502"], owaspAgentic: ["ASI04"] };

/** Checks of pickles and the formats that carry them (PyTorch, joblib, NumPy object arrays). */
export const pickleRules: readonly Rule[] = [
  {
    id: "pickle.code-execution-global",
    title: "Pickle imports a global that runs code",
    severity: "critical",
    ...deserialisation,
    help: "Loading this file imports a function known to run commands, reach the network or file system, walk object attributes or load further pickles. Treat the file as malicious: do not load it, find out where it came from, and replace it with a copy in a format that holds no code (safetensors).",
  },
  {
    id: "pickle.unsafe-call",
    title: "Pickle calls a global outside the allowlist",
    severity: "high",
    ...deserialisation,
    help: "Loading this file calls a function or class that is not among the known-safe constructors (containers, tensor and array rebuilds). It may be a harmless custom class or a way to run code; load it only after reviewing that name, in an isolated environment, or convert the model to safetensors.",
  },
  {
    id: "pickle.unsafe-import",
    title: "Pickle imports a global outside the allowlist",
    severity: "medium",
    ...deserialisation,
    help: "Loading this file imports a name that is not among the known-safe constructors, without calling it directly. Importing a module can itself run code; review the name before loading the file.",
  },
  {
    id: "pickle.indirect-call",
    title: "Pickle calls something that is not a named global",
    severity: "high",
    ...deserialisation,
    help: "The pickle calls the result of another call or an object the loader supplies. Ordinary model files never do this; it is a way to reach functions a scanner cannot name. Do not load the file.",
  },
  {
    id: "pickle.unresolved-global",
    title: "Pickle builds a global name at load time",
    severity: "high",
    ...deserialisation,
    help: "A STACK_GLOBAL takes its module or name from a value that is only known while loading, so what it imports cannot be checked. Do not load the file.",
  },
  {
    id: "pickle.malformed",
    title: "Malformed or truncated pickle",
    severity: "medium",
    ...deserialisation,
    help: "The pickle breaks its own grammar or ends early. A loader runs every opcode before the break, and hostile files break on purpose to stop scanners; the names found before the break are reported. Replace the file with a clean copy.",
  },
  {
    id: "pickle.limit-exceeded",
    title: "Pickle too large or too deep to check completely",
    severity: "high",
    ...deserialisation,
    help: "The pickle passed a limit of the scanner (memo entries, stack depth, nesting, size), so the rest of it was not checked. Unchecked is not safe: raise the limit if the file is trusted, or convert the model to safetensors.",
  },
  {
    id: "pickle.not-checked",
    title: "Pickle-bearing file could not be checked",
    severity: "high",
    ...deserialisation,
    help: "The file carries a pickle the scanner cannot read (an unsupported compression, for example), so what it would run on loading is unknown. Decompress it and scan again, or convert the model to safetensors.",
  },
  {
    id: "numpy.object-array",
    title: "NumPy array of Python objects",
    severity: "low",
    ...deserialisation,
    help: "The array holds Python objects, stored as a pickle that loading with allow_pickle=True would run; the pickle itself was checked and any unsafe name in it is reported separately. Prefer plain numeric dtypes.",
  },
  {
    id: "numpy.malformed",
    title: "Malformed NumPy file",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: ["ASI04"],
    help: "The .npy header is not the strict Python dictionary literal NumPy writes (magic, version, descr, fortran_order, shape), or the data does not fit the header. Replace the file with a clean copy.",
  },
  {
    id: "pytorch.malformed",
    title: "Malformed PyTorch checkpoint",
    severity: "medium",
    ...deserialisation,
    help: "The checkpoint lacks the pickle PyTorch loads (data.pkl) or its legacy form breaks off. It cannot be loaded as it is and may have been altered; replace it with a clean copy.",
  },
];
