import type { Rule } from "./rule.js";

const supplyChain = ["ASI04"];
const malformed =
  "A safetensors file holds only tensors and a JSON header; a header that breaks the format's rules was written by a broken or hostile tool. Loaders differ in how they treat such files, so what one program loads may not be what another checked. Obtain the model again from its publisher, or re-export it with the safetensors library.";

/** Rules of the safetensors header validation. */
export const safetensorsRules: readonly Rule[] = [
  {
    id: "safetensors.header-length",
    title: "safetensors header length out of bounds",
    severity: "high",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `The 8-byte header length is below 2, above 100 MB or past the end of the file. ${malformed}`,
  },
  {
    id: "safetensors.header-json",
    title: "safetensors header is not a UTF-8 JSON object",
    severity: "high",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `The header must be UTF-8 text holding one JSON object. ${malformed}`,
  },
  {
    id: "safetensors.duplicate-key",
    title: "safetensors header repeats a key",
    severity: "high",
    cwe: ["CWE-436"],
    owaspAgentic: supplyChain,
    help: `A key that appears twice is read as the first copy by some parsers and the last by others, so two tools can see different tensors. ${malformed}`,
  },
  {
    id: "safetensors.tensor-entry",
    title: "safetensors tensor entry is malformed",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `Each tensor entry is an object with dtype, shape and data_offsets. ${malformed}`,
  },
  {
    id: "safetensors.dtype",
    title: "safetensors tensor has an unknown dtype",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `The dtype is not one the safetensors format defines. ${malformed}`,
  },
  {
    id: "safetensors.shape",
    title: "safetensors tensor shape is not a list of non-negative integers",
    severity: "medium",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `A shape is a list of non-negative integers. ${malformed}`,
  },
  {
    id: "safetensors.size-mismatch",
    title: "safetensors tensor byte range does not match its shape and dtype",
    severity: "high",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `The number of elements times the dtype's size must equal the tensor's byte range; otherwise a loader reads past the tensor or leaves bytes unread. ${malformed}`,
  },
  {
    id: "safetensors.offsets",
    title: "safetensors tensor offsets are invalid or outside the data",
    severity: "high",
    cwe: ["CWE-125"],
    owaspAgentic: supplyChain,
    help: `data_offsets are two integers, begin ≤ end, inside the data section after the header. ${malformed}`,
  },
  {
    id: "safetensors.overlap",
    title: "safetensors tensors share bytes",
    severity: "high",
    cwe: ["CWE-436"],
    owaspAgentic: supplyChain,
    help: `Two tensors whose byte ranges overlap alias each other; the format forbids it. ${malformed}`,
  },
  {
    id: "safetensors.unindexed-bytes",
    title: "safetensors data section has bytes no tensor uses",
    severity: "medium",
    cwe: ["CWE-434"],
    owaspAgentic: supplyChain,
    help: `The format requires every byte after the header to belong to a tensor, so a file cannot also be another file (a polyglot) carrying a hidden payload. Find out what the extra bytes are before using the file. ${malformed}`,
  },
  {
    id: "safetensors.metadata",
    title: "safetensors __metadata__ is not a map of strings",
    severity: "low",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `__metadata__ may only map strings to strings. ${malformed}`,
  },
  {
    id: "safetensors.padding",
    title: "safetensors header padding is not spaces",
    severity: "low",
    cwe: ["CWE-20"],
    owaspAgentic: supplyChain,
    help: `The header may be padded at its end with spaces (0x20) only. ${malformed}`,
  },
];
