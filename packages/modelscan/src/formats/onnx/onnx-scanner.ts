import type { FormatScanner, RawFinding } from "../../scan/format-scanner.js";
import { cappedReporter } from "../shared/capped-reporter.js";
import { type DecodedMessage, messages, ProtoWalkError, text, walkProto } from "../shared/proto-walk.js";
import { escapingLocation } from "../shared/relative-location.js";
import { onnxModelProto } from "./onnx-proto.js";

/** Strings kept from the file; names and paths are far shorter, a longer one is cut here. */
const MAX_STRING_BYTES = 4096;
/** Operator domains of the ONNX standard. */
const STANDARD_DOMAINS = new Set(["", "ai.onnx", "ai.onnx.ml", "ai.onnx.training", "ai.onnx.preview.training"]);
/** ONNX Runtime's contrib domains: built into the runtime, no library to load. */
const RUNTIME_DOMAINS = /^com\.microsoft(\.[a-z]+)*$/;
/** ModelProto fields that may follow ir_version (field 1): tags of fields 2 to 8. */
const MODEL_FIELD_TAGS = new Set([0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42]);

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  for (let i = 0; i < 5 && at + i < bytes.byteLength; i++) {
    const byte = bytes[at + i] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return null;
}

/** True when the bytes open like a serialised ModelProto: ir_version, then another ModelProto field. */
export function looksLikeOnnx(head: Uint8Array): boolean {
  if (head[0] !== 0x08) return false;
  const version = readVarint(head, 1);
  return (
    version !== null && version.value >= 1 && version.value <= 20 && MODEL_FIELD_TAGS.has(head[version.next] ?? -1)
  );
}

/** ONNX: custom operator domains, and tensors whose external data leaves the model's folder. */
export const onnxScanner: FormatScanner = {
  format: "onnx",
  sniff(head) {
    return looksLikeOnnx(head);
  },
  async scan(source, context) {
    const sink = cappedReporter(context);
    const report = (finding: RawFinding) => sink.report(finding);
    let model: DecodedMessage;
    try {
      model = await walkProto(source, onnxModelProto, {
        maxDepth: 96,
        maxFields: 2_000_000,
        maxStringBytes: MAX_STRING_BYTES,
      });
    } catch (error) {
      if (!(error instanceof ProtoWalkError)) throw error;
      report({
        ruleId: error.kind === "limit" ? "onnx.limit" : "onnx.malformed",
        location: "",
        title:
          error.kind === "limit" ? "The model was not read to the end" : "The model is not a valid ONNX ModelProto",
        detail: `The reader stopped: ${error.message}.`,
      });
      sink.finish();
      return;
    }
    checkModel(model, report);
    sink.finish();
  },
};

function checkModel(model: DecodedMessage, report: (finding: RawFinding) => void): void {
  const localFunctions = new Set(messages(model, "functions").map((f) => `${text(f, "domain")}|${text(f, "name")}`));
  const flaggedDomains = new Set<string>();
  const customDomain = (domain: string, location: string, what: string) => {
    if (STANDARD_DOMAINS.has(domain) || flaggedDomains.has(`${domain}|${what}`)) return;
    flaggedDomains.add(`${domain}|${what}`);
    const runtime = RUNTIME_DOMAINS.test(domain);
    report({
      ruleId: "onnx.custom-operator-domain",
      ...(runtime ? { severity: "low" as const } : {}),
      location,
      title: `${what} from the operator domain "${domain}"`,
      detail: runtime
        ? "This domain's operators are ONNX Runtime contrib operators; other runtimes cannot run the model."
        : "Operators of this domain come from a custom operator library the runtime must load.",
    });
  };

  const functionDomains = new Set(messages(model, "functions").map((f) => text(f, "domain")));
  for (const opset of messages(model, "opsetImport")) {
    if (functionDomains.has(text(opset, "domain"))) continue;
    customDomain(text(opset, "domain"), "opset_import", "The model imports an opset");
  }

  const checkTensor = (tensor: DecodedMessage, location: string) => {
    const dataLocation = tensor.dataLocation;
    const entries = messages(tensor, "externalData");
    const where = entries.find((e) => text(e, "key") === "location");
    if (dataLocation !== undefined && dataLocation !== 0 && dataLocation !== 1) {
      report({
        ruleId: "onnx.data-location",
        location,
        title: `Tensor data_location ${dataLocation} is unknown`,
        detail: "Known values are 0 (DEFAULT) and 1 (EXTERNAL).",
      });
    }
    if (dataLocation === 1 && !where) {
      report({
        ruleId: "onnx.data-location",
        location,
        title: "An external tensor names no location",
        detail: "data_location is EXTERNAL but external_data has no location entry.",
      });
    }
    if (where) {
      const path = text(where, "value");
      const why = path.length >= MAX_STRING_BYTES ? "it is too long to check" : escapingLocation(path);
      if (why) {
        report({
          ruleId: "onnx.external-data-path",
          location,
          title: `External data "${path.slice(0, 200)}" leaves the model's folder`,
          detail: `The location is not a plain relative path inside the model's folder: ${why}.`,
        });
      }
      if (dataLocation !== 1) {
        report({
          ruleId: "onnx.data-location",
          location,
          title: "A tensor has an external location but is not marked external",
          detail: "Runtimes disagree on whether to read such a tensor's data from the file.",
        });
      }
    }
  };

  const walkNodes = (nodes: DecodedMessage[], scope: string) => {
    for (const node of nodes) {
      const opType = text(node, "opType");
      const domain = text(node, "domain");
      const location = `${scope}node "${text(node, "name") || opType}" (${opType})`;
      if (!localFunctions.has(`${domain}|${opType}`)) customDomain(domain, location, `Operator ${opType}`);
      for (const attribute of messages(node, "attribute")) {
        const at = `${location}.${text(attribute, "name")}`;
        for (const graph of [...messages(attribute, "g"), ...messages(attribute, "graphs")]) walkGraph(graph, `${at}/`);
        for (const tensor of [...messages(attribute, "t"), ...messages(attribute, "tensors")]) checkTensor(tensor, at);
        for (const sparse of [...messages(attribute, "sparseTensor"), ...messages(attribute, "sparseTensors")]) {
          for (const part of [...messages(sparse, "values"), ...messages(sparse, "indices")]) checkTensor(part, at);
        }
      }
    }
  };

  const walkGraph = (graph: DecodedMessage, scope: string) => {
    walkNodes(messages(graph, "node"), scope);
    for (const tensor of messages(graph, "initializer"))
      checkTensor(tensor, `${scope}initializer "${text(tensor, "name")}"`);
    for (const sparse of messages(graph, "sparseInitializer")) {
      for (const part of [...messages(sparse, "values"), ...messages(sparse, "indices")]) {
        checkTensor(part, `${scope}sparse initializer "${text(part, "name")}"`);
      }
    }
  };

  for (const graph of messages(model, "graph")) walkGraph(graph, "graph/");
  for (const info of messages(model, "trainingInfo")) {
    for (const graph of [...messages(info, "initialization"), ...messages(info, "algorithm")])
      walkGraph(graph, "training/");
  }
  for (const fn of messages(model, "functions")) {
    for (const opset of messages(fn, "opsetImport")) {
      customDomain(text(opset, "domain"), `function "${text(fn, "name")}"`, "A function imports an opset");
    }
    walkNodes(messages(fn, "node"), `function "${text(fn, "name")}"/`);
  }
}
