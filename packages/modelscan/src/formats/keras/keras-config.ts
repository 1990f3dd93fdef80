import { isJsonObject, type JsonValue } from "../shared/strict-json.js";

/** What a Keras model configuration asks the loader to run or import. */
export interface KerasConfigFinding {
  kind: "lambda" | "custom-object" | "function-reference";
  severity: "critical" | "high" | "medium";
  location: string;
  title: string;
  detail: string;
}

/** Module namespaces of Keras itself and its official libraries. */
const KERAS_NAMESPACES =
  /^(keras|tf_keras|tensorflow\.keras|tensorflow\.python\.keras|keras_hub|keras_nlp|keras_cv|keras_rs)(\.|$)/;
/** Modules whose functions run commands, load code or touch files: critical when a config names them. */
const DANGEROUS_MODULES =
  /^(os|posix|nt|subprocess|builtins|__builtin__|runpy|importlib|pickle|_pickle|marshal|shutil|socket|sys|code|codeop|pty|ctypes|webbrowser|pip|multiprocessing|commands|platform|io|pathlib|urllib|requests|http|asyncio|tempfile|glob)(\.|$)/;
/** TF functions a TFOpLambda can call that read or write files or run Python. */
const RISKY_TF_FUNCTIONS =
  /(^|\.)(io\.|gfile|read_file|write_file|py_function|numpy_function|py_func|print|summary|saved_model|load_op_library|load_library|debugging\.)/;
const MAX_DEPTH = 200;
/** Keras modules whose functions a config may name: the math of layers, losses and metrics. */
const KERAS_MATH_MODULES = /\.(activations|losses|metrics|initializers|regularizers|constraints|ops|layers)(\.|$)/;
/**
 * Keras's own functions that download or write files, load other models or turn safe_mode off:
 * the published 2025 safe_mode bypasses name these from config.json.
 */
const KERAS_RISKY_FUNCTIONS =
  /^(get_file|enable_unsafe_deserialization|load_model|save_model|load_weights|save_weights|register_keras_serializable|deserialize_keras_object|set_floatx|set_backend)$/;

const safeMode =
  "Keras refuses this in safe_mode (the default of keras.models.load_model since Keras 3), but anyone loading with safe_mode=False, with an older Keras or with tf.keras runs it.";

function looksLikeMarshalledCode(text: string): boolean {
  if (!/^[A-Za-z0-9+/=\s]{16,}$/.test(text)) return false;
  const head = Buffer.from(text.slice(0, 8), "base64");
  return head[0] === 0xe3 || head[0] === 0x63;
}

/**
 * Walks a Keras configuration (a `.keras` config.json, an `.h5` model_config, a SavedModel's
 * keras_metadata) for Lambda layers, serialised Python functions, and objects from modules
 * outside Keras. Bounded by depth; each object is visited once.
 */
export function checkKerasConfig(config: JsonValue, where: string): KerasConfigFinding[] {
  const findings: KerasConfigFinding[] = [];
  const seen = new Set<string>();
  const add = (finding: KerasConfigFinding) => {
    const key = `${finding.kind}|${finding.location}|${finding.title}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(finding);
    }
  };
  const visit = (value: JsonValue, path: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      add({
        kind: "custom-object",
        severity: "medium",
        location: path,
        title: "The configuration nests too deeply to check",
        detail: `More than ${MAX_DEPTH} levels; the rest was not read.`,
      });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, `${path}[${i}]`, depth + 1);
      });
      return;
    }
    if (!isJsonObject(value)) return;
    const className = typeof value.class_name === "string" ? value.class_name : undefined;
    const config = isJsonObject(value.config) ? value.config : undefined;
    const name = typeof config?.name === "string" ? config.name : undefined;
    const here = name ? `${where}: layer "${name}"` : `${where}: ${path || "model"}`;
    if (className === "Lambda" && config) checkLambda(config, here, add);
    if (className === "__lambda__") {
      add({
        kind: "lambda",
        severity: "critical",
        location: here,
        title: "A serialised Python lambda",
        detail: `The configuration carries Python bytecode that runs when the model is loaded or called. ${safeMode}`,
      });
    }
    if (
      className === "TFOpLambda" &&
      typeof config?.function === "string" &&
      RISKY_TF_FUNCTIONS.test(config.function)
    ) {
      add({
        kind: "function-reference",
        severity: "high",
        location: here,
        title: `A TFOpLambda calls tf.${config.function}`,
        detail: "This TensorFlow function reads or writes files or runs Python.",
      });
    }
    const module = typeof value.module === "string" ? value.module : undefined;
    if (module !== undefined && className !== undefined && !KERAS_NAMESPACES.test(module)) {
      const dangerous = DANGEROUS_MODULES.test(module);
      const isFunction = className === "function" || className === "__function__";
      const target =
        isFunction && typeof value.config === "string" ? `${module}.${value.config}` : `${module}.${className ?? "?"}`;
      add({
        kind: isFunction ? "function-reference" : "custom-object",
        severity: dangerous ? "critical" : "high",
        location: here,
        title: `${isFunction ? "A function" : "An object"} from ${dangerous ? "the code-running module " : "the module "}${module}: ${target}`,
        detail: dangerous
          ? `Loading the model imports ${target} and calls it, which runs commands or code (the Keras safe_mode bypass reported as CVE-2025-1550 works this way).`
          : `Loading the model imports ${module}, so that package's code runs; only load it if you trust and have installed that package. ${safeMode}`,
      });
    }
    if (
      module !== undefined &&
      KERAS_NAMESPACES.test(module) &&
      (className === "function" || className === "__function__")
    ) {
      checkKerasFunction(module, typeof value.config === "string" ? value.config : "", here, add);
    }
    const registered = typeof value.registered_name === "string" ? value.registered_name : undefined;
    if (registered?.includes(">") && !KERAS_NAMESPACES.test(registered.split(">")[0] ?? "")) {
      add({
        kind: "custom-object",
        severity: "high",
        location: here,
        title: `A custom object ${registered}`,
        detail:
          "Its code is not part of Keras; the model only loads where that code is registered, and it runs on load.",
      });
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child !== "object" || child === null) continue;
      // A Lambda's function was judged with its layer; its serialised form is not a second finding.
      const judged =
        className === "Lambda" && key === "config" && isJsonObject(child) ? { ...child, function: null } : child;
      visit(judged, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(config, "", 0);
  return findings;
}

function checkLambda(
  config: { [key: string]: JsonValue },
  here: string,
  add: (finding: KerasConfigFinding) => void,
): void {
  const fn = config.function;
  const type = typeof config.function_type === "string" ? config.function_type : undefined;
  // Keras 2: [code, defaults, closure]; its SavedModel metadata: {"class_name": "__tuple__", "items": [...]};
  // Keras 3: {"class_name": "__lambda__", "config": {"code": ...}}.
  let code: JsonValue | undefined = fn;
  if (Array.isArray(fn)) code = fn[0];
  else if (isJsonObject(fn) && Array.isArray(fn.items)) code = fn.items[0];
  else if (isJsonObject(fn) && isJsonObject(fn.config)) code = fn.config.code;
  const bytecode = typeof code === "string" && (type === "lambda" || looksLikeMarshalledCode(code));
  if (bytecode) {
    add({
      kind: "lambda",
      severity: "critical",
      location: here,
      title: "A Lambda layer with serialised Python bytecode",
      detail: `The layer's function is marshalled Python bytecode that runs when the model is loaded or called. ${safeMode}`,
    });
    return;
  }
  const reference = typeof fn === "string" ? fn : undefined;
  const module = typeof config.module === "string" ? config.module : undefined;
  const dangerous = module !== undefined && DANGEROUS_MODULES.test(module);
  add({
    kind: "lambda",
    severity: dangerous ? "critical" : "high",
    location: here,
    title: `A Lambda layer calling ${module ? `${module}.` : ""}${reference ?? "a function"}`,
    detail: `A Lambda layer runs arbitrary Python; this one names a function that is imported when the model loads. ${safeMode}`,
  });
}

/** A function named from Keras itself: only the math of layers is expected. */
function checkKerasFunction(
  module: string,
  name: string,
  here: string,
  add: (finding: KerasConfigFinding) => void,
): void {
  const risky = KERAS_RISKY_FUNCTIONS.test(name);
  if (!risky && KERAS_MATH_MODULES.test(module)) return;
  add({
    kind: "function-reference",
    severity: risky ? "critical" : "high",
    location: here,
    title: `The configuration calls ${module}.${name || "?"}`,
    detail: risky
      ? "This Keras function downloads or writes files, loads another model or turns safe_mode off; naming it from a model's configuration is how the 2025 safe_mode bypasses worked."
      : "Configurations name functions for activations, losses, metrics and initializers; this one is from another part of Keras, and loading the model calls it.",
  });
}
