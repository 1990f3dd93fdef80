import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];

/** Rules of the ONNX model checks. */
export const onnxRules: readonly Rule[] = [
  {
    id: "onnx.custom-operator-domain",
    title: "ONNX model uses operators outside the ONNX standard",
    severity: "high",
    cwe: ["CWE-829"],
    owaspAgentic: supplyChain,
    help: "Operators of a custom domain are implemented by a native library the runtime must load (e.g. onnxruntime's register_custom_ops_library); that library runs with the model's privileges. Operators of ONNX Runtime's own contrib domains (com.microsoft) ship with the runtime and are reported at low severity. Know which library provides each custom operator before loading the model.",
  },
  {
    id: "onnx.external-data-path",
    title: "ONNX external data points outside the model's folder",
    severity: "high",
    cwe: ["CWE-22", "CWE-73"],
    owaspAgentic: supplyChain,
    help: "A tensor's external data location that is absolute, climbs with `..`, or names a device or URL makes the runtime read any file the process can read (and embed it in the model's outputs). Locations must be plain relative paths inside the model's folder.",
  },
  {
    id: "onnx.data-location",
    title: "ONNX tensor has an unknown or inconsistent data location",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "data_location is DEFAULT (0) or EXTERNAL (1), and an external tensor names its location. Other values are read differently by different runtimes.",
  },
  {
    id: "onnx.malformed",
    title: "ONNX model is malformed",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: "The file stops being a valid ModelProto part-way (a length runs past its message, a field has the wrong wire type). Obtain the model again from its publisher.",
  },
  {
    id: "onnx.limit",
    title: "ONNX model was not read to the end",
    severity: "medium",
    cwe: [],
    owaspAgentic: supplyChain,
    help: "The model nests subgraphs deeper, or has more structure, than the scanner reads; what follows was not checked. Review the model by other means before loading it.",
  },
];
